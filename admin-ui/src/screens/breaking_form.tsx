// The breaking-news strips on the Fronts screen: for each language the site publishes in, the strip running now (a
// line, a link, an end time) with a form to put one up, change it or take it down.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { Field, fieldError, siteInput, siteMoment, siteZone, when } from '../ui.tsx';
import { Done, FormError, textOf } from './content_kit.tsx';
import type { Answer, Item } from '../api_types.ts';

/** A breaking-news strip as GET /api/admin/fronts lists it. */
export type Strip = Item<Answer<'/api/admin/fronts', 'get'>['breaking']>;

// The end time is typed and shown on the site's clock, not the computer's.
const localInput = siteInput;

export function BreakingStrips({ languages, strips, onChange }: { languages: string[]; strips: Strip[]; onChange: () => Promise<void> }) {
  return (
    <section class="breaking-strips" aria-labelledby="breaking-title">
      <h2 id="breaking-title">{t('breaking.title')}</h2>
      <p class="meta">{t('breaking.intro')}</p>
      {languages.map((l) => <StripForm key={l} language={l} strip={strips.find((s) => s.language === l) ?? null} onChange={onChange} />)}
    </section>
  );
}

function StripForm({ language, strip, onChange }: { language: string; strip: Strip | null; onChange: () => Promise<void> }) {
  const inHours = (h: number) => localInput(new Date(Date.now() + h * 3600_000).toISOString());
  const [text, setText] = useState(strip?.text ?? '');
  const [url, setUrl] = useState(strip?.url ?? '');
  const [ends, setEnds] = useState(strip ? localInput(strip.endsAt) : inHours(6));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const id = (f: string) => `breaking-${language}-${f}`;
  const put = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone('');
    try {
      await api('PUT', `/api/admin/breaking/${language}`, { text, url, endsAt: siteMoment(ends) ?? '' });
      setDone(t('breaking.saved'));
      await onChange();
    } catch (err) { setError(err); }
  };
  const takeDown = async () => {
    setError(null);
    try {
      await api('DELETE', `/api/admin/breaking/${language}`);
      setText('');
      setUrl('');
      setEnds(inHours(6));
      setDone(t('breaking.removed'));
      await onChange();
    } catch (err) { setError(err); }
  };
  return (
    <form class="strip-form" onSubmit={put} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('breaking.language', { language: t(`lang.${language}` as MessageKey) })}</h3>
      <p class="meta">{strip ? t('breaking.running', { when: when(strip.endsAt) }) : t('breaking.none')}</p>
      <Field id={id('text')} label={t('breaking.text')} error={fieldError(error, 'text')}>
        <input id={id('text')} value={text} maxLength={200} dir="auto" onInput={(e) => setText(textOf(e))} required />
      </Field>
      <Field id={id('url')} label={t('breaking.url')} hint={t('breaking.url_hint')} error={fieldError(error, 'url')}>
        <input id={id('url')} value={url} dir="ltr" onInput={(e) => setUrl(textOf(e))} required aria-describedby={id('url-hint')} />
      </Field>
      <Field id={id('ends')} label={t('breaking.ends')} hint={t('time.site_zone', { zone: siteZone() })} error={fieldError(error, 'endsAt')}>
        <input id={id('ends')} type="datetime-local" value={ends} onInput={(e) => setEnds(textOf(e))} required aria-describedby={id('ends-hint')} />
      </Field>
      <FormError error={error} fields={['text', 'url', 'endsAt']} />
      {done ? <Done text={done} /> : null}
      <p class="buttons">
        <button type="submit">{strip ? t('breaking.update') : t('breaking.put_up')}</button>
        {strip ? <button type="button" class="quiet" onClick={takeDown}>{t('breaking.take_down')}</button> : null}
      </p>
    </form>
  );
}

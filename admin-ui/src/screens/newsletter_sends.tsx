// The sends: each with its progress while it goes and its figures after (sent, failed, bounced, complained,
// unsubscribed, clicks), asked again every few seconds while one is sending; and a new send composed here (a digest
// of chosen stories, one story, or a breaking alert), kept as a draft to preview and test, then started now or at a
// time. The preview is the letter itself, shown in a sandboxed frame that runs nothing (its own page, whose policy
// lets the letter's styles and pictures load).
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import { t } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, when } from '../ui.tsx';
import type { Answer, Item } from '../api_types.ts';
import { listLabel, num, statusLabel, type NewsletterList, type SendFigures } from './newsletter_kit.tsx';

const REFRESH_MS = 3000;
type Story = Item<Answer<'/api/admin/articles', 'get'>['articles']>;
interface Preview { subject: string; html: string; text: string; bytes: number }

export function SendsPanel({ lists }: { lists: NewsletterList[] }) {
  const [sends, setSends] = useState<SendFigures[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [composing, setComposing] = useState(false);
  const [open, setOpen] = useState<number | null>(null);

  const load = async () => {
    try {
      setSends((await api<{ sends: SendFigures[] }>('GET', '/api/admin/newsletters/sends')).sends);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);
  const going = sends?.some((s) => s.status === 'sending') ?? false;
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [going]);
  const listOf = (id: number) => lists.find((l) => l.id === id);

  return (
    <>
      <ErrorNote error={error} retry={load} />
      {composing ? (
        <Compose lists={lists} onDone={(id) => { setComposing(false); setOpen(id); void load(); }} onCancel={() => setComposing(false)} />
      ) : (
        <p><button type="button" onClick={() => setComposing(true)} disabled={!lists.length}>{t('newsletters.new_send')}</button>
          {lists.length ? null : <small> {t('newsletters.make_list_first')}</small>}</p>
      )}
      {sends === null ? <p role="status">{t('common.loading')}</p> : sends.length === 0 ? <p>{t('newsletters.no_sends')}</p> : (
        <ul class="nl-sends">
          {sends.map((s) => {
            const list = listOf(s.listId);
            return (
              <li key={s.id} class={`nl-send ${s.status}`}>
                <div class="nl-send-head">
                  <strong dir="auto">{s.subject || t('newsletters.untitled')}</strong>
                  <span class="label">{statusLabel(s.status)}</span>
                  <small>{list ? listLabel(list) : ''} · {t(`newsletters.kind.${s.kind}`)} · {s.status === 'scheduled' ? t('newsletters.scheduled_for', { when: when(s.scheduledAt) }) : when(s.startedAt ?? s.createdAt)}</small>
                </div>
                {s.status === 'sending' || s.status === 'sent' ? <Figures s={s} /> : null}
                {s.status === 'draft' || s.status === 'scheduled' ? (
                  open === s.id ? <DraftActions send={s} onChange={() => void load()} onClose={() => setOpen(null)} />
                    : <button type="button" class="quiet" onClick={() => setOpen(s.id)}>{t('newsletters.open_draft')}</button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function Figures({ s }: { s: SendFigures }) {
  const done = s.sent + s.failed + s.skipped;
  const items: [string, number][] = [['sent', s.sent], ['failed', s.failed], ['left', s.left], ['bounced', s.bounced], ['complained', s.complained], ['unsubscribed', s.unsubscribed], ['clicks', s.clicks]];
  return (
    <>
      {s.status === 'sending' ? (
        <p class="nl-progress">
          <label for={`progress-${s.id}`}>{t('newsletters.progress', { done: num(done), total: num(s.recipients) })}</label>
          <progress id={`progress-${s.id}`} max={Math.max(1, s.recipients)} value={done} />
        </p>
      ) : null}
      <dl class="nl-figures">
        {items.map(([k, v]) => <div key={k}><dt>{t(`newsletters.figure.${k}` as 'newsletters.figure.sent')}</dt><dd>{num(v)}</dd></div>)}
      </dl>
    </>
  );
}

/** A draft's or scheduled send's preview, test letter, start and cancel. */
function DraftActions({ send, onChange, onClose }: { send: SendFigures; onChange: () => void; onClose: () => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [asText, setAsText] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/admin/newsletters/sends/${send.id}`;
  useEffect(() => { void api<Preview>('GET', `${base}/preview`).then(setPreview, setError); }, [send.id]);
  const act = async (what: 'test' | 'start' | 'cancel') => {
    if (what === 'start' && !confirm(t('newsletters.start_confirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `${base}/${what}`);
      setNote(t(`newsletters.done.${what}`));
      if (what !== 'test') { onChange(); onClose(); }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="nl-draft">
      <ErrorNote error={error} />
      {note ? <p class="ok" role="status">{note}</p> : null}
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => void act('test')}>{t('newsletters.send_test')}</button>
        <button type="button" disabled={busy} onClick={() => void act('start')}>{t('newsletters.start_now')}</button>
        <button type="button" class="quiet danger" disabled={busy} onClick={() => void act('cancel')}>{t('newsletters.cancel_send')}</button>
        <button type="button" class="quiet" onClick={onClose}>{t('common.close')}</button>
      </div>
      {preview ? (
        <figure class="nl-preview">
          <figcaption>
            <span dir="auto">{t('newsletters.preview_subject', { subject: preview.subject })}</span> · <small>{t('newsletters.preview_size', { kb: (preview.bytes / 1024).toFixed(1) })}</small>
            {' '}<button type="button" class="link" onClick={() => setAsText(!asText)}>{asText ? t('newsletters.show_html') : t('newsletters.show_text')}</button>
          </figcaption>
          {asText ? <pre dir="auto">{preview.text}</pre>
            : <iframe title={t('newsletters.preview')} sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" src={`${base}/letter`} />}
        </figure>
      ) : null}
    </div>
  );
}

function Compose({ lists, onDone, onCancel }: { lists: NewsletterList[]; onDone: (id: number) => void; onCancel: () => void }) {
  const [listId, setListId] = useState(lists[0].id);
  const [kind, setKind] = useState<'digest' | 'story' | 'alert'>('digest');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Story[]>([]);
  const [picked, setPicked] = useState<Story[]>([]);
  const [subject, setSubject] = useState('');
  const [intro, setIntro] = useState('');
  const [at, setAt] = useState('');
  const [error, setError] = useState<unknown>(null);
  const list = lists.find((l) => l.id === listId) ?? lists[0];
  const single = kind !== 'digest';

  useEffect(() => {
    const timer = setTimeout(() => {
      void api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ status: 'published', language: list.language, q, limit: 15 })}`)
        .then((r) => setFound(r.articles), setError);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, list.language]);
  useEffect(() => { setPicked((p) => p.filter((s) => s.language === list.language)); }, [list.language]);

  const toggle = (s: Story) => setPicked((p) => p.some((x) => x.id === s.id) ? p.filter((x) => x.id !== s.id) : single ? [s] : [...p, s]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await api<SendFigures>('POST', '/api/admin/newsletters/sends', {
        listId, kind, articleIds: picked.map((s) => s.id), ...(subject.trim() ? { subject: subject.trim() } : {}), ...(intro.trim() ? { intro: intro.trim() } : {}),
        ...(at ? { scheduledAt: new Date(at).toISOString() } : {}),
      });
      onDone(made.id);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form class="nl-form" onSubmit={submit}>
      <h2>{t('newsletters.new_send')}</h2>
      <p>{t('newsletters.compose_intro')}</p>
      <ErrorNote error={error} />
      <div class="grid">
        <Field id="ns-list" label={t('newsletters.list')} error={fieldError(error, 'listId')}>
          <select id="ns-list" value={String(listId)} onChange={(e) => setListId(Number((e.target as HTMLSelectElement).value))}>
            {lists.map((l) => <option key={l.id} value={String(l.id)}>{listLabel(l)} · {t('newsletters.readers_count', { n: num(l.readers.subscribed) })}</option>)}
          </select>
        </Field>
        <Field id="ns-kind" label={t('newsletters.kind')} error={fieldError(error, 'kind')}>
          <select id="ns-kind" value={kind} onChange={(e) => { const k = (e.target as HTMLSelectElement).value as typeof kind; setKind(k); if (k !== 'digest') setPicked((p) => p.slice(0, 1)); }}>
            <option value="digest">{t('newsletters.kind.digest')}</option><option value="story">{t('newsletters.kind.story')}</option><option value="alert">{t('newsletters.kind.alert')}</option>
          </select>
        </Field>
      </div>
      <fieldset class="nl-stories">
        <legend>{single ? t('newsletters.pick_story') : t('newsletters.pick_stories', { n: picked.length })}</legend>
        <Field id="ns-q" label={t('newsletters.find_story')}>
          <input id="ns-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </Field>
        {fieldError(error, 'articleIds') ? <p class="field-error" role="alert">{fieldError(error, 'articleIds')}</p> : null}
        <ul>
          {[...picked, ...found.filter((f) => !picked.some((p) => p.id === f.id))].map((s) => (
            <li key={s.id}><label class="check">
              <input type={single ? 'radio' : 'checkbox'} name="ns-story" checked={picked.some((p) => p.id === s.id)} onChange={() => toggle(s)} />
              <span lang={s.language} dir="auto">{s.headline}</span> <small>{when(s.published_at)}</small>
            </label></li>
          ))}
        </ul>
        {found.length === 0 ? <p><small>{t('newsletters.no_stories', { language: listLabel(list) })}</small></p> : null}
      </fieldset>
      <Field id="ns-subject" label={t('newsletters.subject')} hint={t('newsletters.subject_hint')} error={fieldError(error, 'subject')}>
        <input id="ns-subject" maxLength={200} dir="auto" value={subject} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} />
      </Field>
      <Field id="ns-intro" label={t('newsletters.intro_field')} error={fieldError(error, 'intro')}>
        <textarea id="ns-intro" rows={3} maxLength={2000} dir="auto" value={intro} onInput={(e) => setIntro((e.target as HTMLTextAreaElement).value)} />
      </Field>
      <Field id="ns-at" label={t('newsletters.schedule_at')} hint={t('newsletters.schedule_hint')} error={fieldError(error, 'scheduledAt')}>
        <input id="ns-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
      </Field>
      <div class="buttons">
        <button type="submit" disabled={!picked.length}>{at ? t('newsletters.save_scheduled') : t('newsletters.save_draft')}</button>
        <button type="button" class="quiet" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

// One syndication source: its name, feed and site addresses, the line in its publisher box, language, licence,
// whether its stories publish at once or wait for review, the default section, the partner's categories mapped
// to our sections and word rules; then (for a saved source) "Poll now" and its poll history.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Field, fieldError, when } from '../ui.tsx';
import { pollLine, type Poll } from './sources.tsx';
import type { Answer } from '../api_types.ts';
import type { Section } from './sections.tsx';

const LANGS = ['en', 'fa', 'ps'] as const;
const TEXT_FIELDS = ['name', 'feedUrl', 'siteUrl', 'description', 'licence'] as const;

/** "Partner category = our-section-slug", one a line. */
const mapText = (json: string) => Object.entries(JSON.parse(json || '{}') as Record<string, string>).map(([k, v]) => `${k} = ${v}`).join('\n');
const mapOf = (text: string) => Object.fromEntries(text.split('\n').map((l) => l.split('=').map((x) => x.trim())).filter((p) => p.length === 2 && p[0] && p[1]));
/** "word, word => our-section-slug", one rule a line. */
const rulesText = (json: string) => (JSON.parse(json || '[]') as { words: string[]; section: string }[]).map((r) => `${r.words.join(', ')} => ${r.section}`).join('\n');
const rulesOf = (text: string) => text.split('\n').map((l) => l.split('=>').map((x) => x.trim())).filter((p) => p.length === 2 && p[0] && p[1])
  .map(([words, section]) => ({ words: words.split(',').map((w) => w.trim()).filter(Boolean), section }));

export function SourceForm({ id }: ScreenProps) {
  const [form, setForm] = useState<Record<string, string>>({ name: '', feedUrl: '', siteUrl: '', description: '', licence: '', language: 'en', sectionId: '', categoryMap: '', rules: '', pollMinutes: '30', autoPublish: 'false' });
  const [sections, setSections] = useState<Section[]>([]);
  const [polls, setPolls] = useState<Poll[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [title, setTitle] = useState('');
  const set = (k: string, v: string) => setForm((f) => ({ ...f, [k]: v }));

  const loadPolls = async () => { if (id) setPolls((await api<Answer<'/api/admin/sources/{id}/polls', 'get'>>('GET', `/api/admin/sources/${id}/polls`)).polls); };
  useEffect(() => {
    void (async () => {
      try {
        setSections((await api<Answer<'/api/admin/sections', 'get'>>('GET', '/api/admin/sections')).sections);
        if (!id) return;
        const s = (await api<Answer<'/api/admin/sources/{id}', 'get'>>('GET', `/api/admin/sources/${id}`)).source;
        setTitle(s.name);
        setForm({ name: s.name, feedUrl: s.feed_url ?? '', siteUrl: s.site_url, description: s.description, licence: s.licence, language: s.language,
          sectionId: s.section_id ? String(s.section_id) : '', categoryMap: mapText(s.category_map), rules: rulesText(s.rules), pollMinutes: String(s.poll_minutes),
          autoPublish: String(Boolean(s.auto_publish)) });
        await loadPolls();
      } catch (err) {
        setError(err);
      }
    })();
  }, [id]);

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNote('');
    const body = {
      name: form.name, feedUrl: form.feedUrl || null, siteUrl: form.siteUrl, description: form.description, licence: form.licence,
      language: form.language, sectionId: form.sectionId ? Number(form.sectionId) : null, autoPublish: form.autoPublish === 'true',
      categoryMap: mapOf(form.categoryMap), rules: rulesOf(form.rules), pollMinutes: Number(form.pollMinutes),
    };
    try {
      if (id) {
        await api('PATCH', `/api/admin/sources/${id}`, body);
        setTitle(form.name);
        setNote(t('source.saved'));
      } else {
        const made = await api<{ id: number }>('POST', '/api/admin/sources', body);
        navigate(`/admin/sources/${made.id}`, true);
      }
    } catch (err) {
      setError(err);
    }
  };
  const pollNow = async () => {
    setError(null);
    try {
      await api('POST', `/api/admin/sources/${id}/poll`);
      await loadPolls();
    } catch (err) {
      setError(err);
    }
  };

  const named = [...TEXT_FIELDS, 'language', 'sectionId', 'categoryMap', 'rules', 'pollMinutes', 'autoPublish', 'slug'];
  const text = (k: (typeof TEXT_FIELDS)[number], type: 'text' | 'url' = 'text') => (
    <Field id={`src-${k}`} label={t(`source.${k}`)} error={fieldError(error, k)}>
      <input id={`src-${k}`} inputMode={type === 'url' ? 'url' : undefined} required={k === 'name'} dir={type === 'url' ? 'ltr' : 'auto'} value={form[k]} onInput={(e) => set(k, (e.target as HTMLInputElement).value)} />
    </Field>
  );
  return (
    <section class="people">
      <div class="heading"><h1 dir="auto">{id ? title || t('source.edit') : t('source.new')}</h1><a href="/admin/sources">{t('source.back')}</a></div>
      <ErrorNote error={error && !named.some((k) => fieldError(error, k)) ? error : null} />
      <form class="settings" onSubmit={save}>
        {text('name')}
        {text('feedUrl', 'url')}
        {text('siteUrl', 'url')}
        {text('description')}
        <Field id="src-language" label={t('source.language')} error={fieldError(error, 'language')}>
          <select id="src-language" value={form.language} onChange={(e) => set('language', (e.target as HTMLSelectElement).value)}>
            {LANGS.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
          </select>
        </Field>
        <p class="check">
          <input id="src-auto" type="checkbox" checked={form.autoPublish === 'true'} onChange={(e) => set('autoPublish', String((e.target as HTMLInputElement).checked))} />
          <label for="src-auto">{t('source.autoPublish')}</label>
        </p>
        {text('licence')}
        <Field id="src-section" label={t('source.sectionId')} error={fieldError(error, 'sectionId')}>
          <select id="src-section" value={form.sectionId} onChange={(e) => set('sectionId', (e.target as HTMLSelectElement).value)}>
            <option value="">{t('details.no_section')}</option>
            {sections.map((s) => <option key={s.id} value={String(s.id)}>{s.name}</option>)}
          </select>
        </Field>
        <Field id="src-map" label={t('source.categoryMap')} hint={t('source.categoryMap_hint')} error={fieldError(error, 'categoryMap')}>
          <textarea id="src-map" rows={3} dir="auto" aria-describedby="src-map-hint" value={form.categoryMap} onInput={(e) => set('categoryMap', (e.target as HTMLTextAreaElement).value)} />
        </Field>
        <Field id="src-rules" label={t('source.rules')} hint={t('source.rules_hint')} error={fieldError(error, 'rules')}>
          <textarea id="src-rules" rows={3} dir="auto" aria-describedby="src-rules-hint" value={form.rules} onInput={(e) => set('rules', (e.target as HTMLTextAreaElement).value)} />
        </Field>
        <Field id="src-minutes" label={t('source.pollMinutes')} error={fieldError(error, 'pollMinutes')}>
          <input id="src-minutes" type="number" min="5" max="10080" value={form.pollMinutes} onInput={(e) => set('pollMinutes', (e.target as HTMLInputElement).value)} />
        </Field>
        {note ? <p role="status" class="ok">{note}</p> : null}
        <p class="buttons"><button type="submit">{t('common.save')}</button></p>
      </form>
      {id ? (
        <div>
          <div class="heading"><h2>{t('source.polls')}</h2>{form.feedUrl ? <button type="button" class="quiet" onClick={pollNow}>{t('sources.poll_now')}</button> : null}</div>
          {polls === null ? null : polls.length === 0 ? <p>{t('sources.never_polled')}</p> : (
            <ol class="rows">
              {polls.map((p) => <li key={p.id} class="row"><span><time dateTime={p.started_at}>{when(p.started_at)}</time> · {pollLine(p)}</span></li>)}
            </ol>
          )}
        </div>
      ) : null}
    </section>
  );
}

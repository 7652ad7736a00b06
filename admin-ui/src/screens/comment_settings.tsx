// Comment settings and blocks, reached from the moderation queue: whether comments are on, what holds a comment
// for a moderator (links, reports, the score thresholds, a surge), blocked words and sites, the optional captcha;
// then the blocked emails, addresses and networks with a way to add and lift a block. Only what changed is sent;
// the two site-wide switches (hold everything, close after N days) change only for those who manage settings.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading } from '../ui.tsx';
import { CommentBlocks } from './comment_blocks.tsx';
import type { Answer } from '../api_types.ts';

type Kind = 'bool' | 'int' | 'score' | 'list' | 'text' | 'secret' | 'days' | 'provider';
/** The settings the screen shows, in groups; `site` ones belong to the site settings. */
const GROUPS: { title: MessageKey; fields: { key: string; kind: Kind; site?: boolean }[] }[] = [
  { title: 'csettings.general', fields: [{ key: 'enabled', kind: 'bool' }, { key: 'moderateAll', kind: 'bool', site: true }, { key: 'commentsCloseAfterDays', kind: 'days', site: true }] },
  { title: 'csettings.holding', fields: [
    { key: 'linksHoldAt', kind: 'int' }, { key: 'holdFirstTimeLinks', kind: 'bool' }, { key: 'reportsToHold', kind: 'int' },
    { key: 'rejectBelow', kind: 'score' }, { key: 'publishAt', kind: 'score' }, { key: 'surgePending', kind: 'int' }, { key: 'surgeWindowMinutes', kind: 'int' },
    { key: 'minSubmitSeconds', kind: 'int' }, { key: 'emailMaxPerHour', kind: 'int' },
  ] },
  { title: 'csettings.words', fields: [{ key: 'blockedWords', kind: 'list' }, { key: 'blockedDomains', kind: 'list' }] },
  { title: 'csettings.captcha', fields: [
    { key: 'captchaProvider', kind: 'provider' }, { key: 'captchaSiteKey', kind: 'text' }, { key: 'captchaSecret', kind: 'secret' }, { key: 'captchaMinScore', kind: 'score' },
  ] },
];
const PROVIDERS = ['none', 'recaptcha', 'turnstile', 'hcaptcha'];
type Loaded = Answer<'/api/admin/comments/settings', 'get'>;

/** The form's text for a stored value, and the value to send for the form's text. */
const shown = (kind: Kind, v: unknown): string => (kind === 'list' ? ((v as string[]) ?? []).join('\n') : v === null || v === undefined ? '' : String(v));
function parsed(kind: Kind, text: string): unknown {
  if (kind === 'bool') return text === 'true';
  if (kind === 'int' || kind === 'score') return text.trim() === '' ? Number.NaN : Number(text);
  if (kind === 'days') return text.trim() === '' ? null : Number(text);
  if (kind === 'list') return text.split('\n').map((w) => w.trim()).filter(Boolean);
  return text;
}

export function CommentSettings({ me }: ScreenProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const mayChangeSite = me.capabilities.includes('settings.manage');
  const stored = (l: Loaded, key: string, site?: boolean) => (site ? (l as unknown as Record<string, unknown>)[key] : key === 'captchaSecret' ? '' : l.comments[key]);

  const load = async () => {
    try {
      const l = await api<Loaded>('GET', '/api/admin/comments/settings');
      setLoaded(l);
      setDraft(Object.fromEntries(GROUPS.flatMap((g) => g.fields.map((f) => [f.key, shown(f.kind, stored(l, f.key, f.site))]))));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!loaded) return;
    setError(null);
    setNote('');
    const body: Record<string, unknown> = {};
    const comments: Record<string, unknown> = {};
    for (const f of GROUPS.flatMap((g) => g.fields)) {
      if (draft[f.key] === shown(f.kind, stored(loaded, f.key, f.site))) continue;
      if (f.site) body[f.key] = parsed(f.kind, draft[f.key]);
      else comments[f.key] = parsed(f.kind, draft[f.key]);
    }
    if (Object.keys(comments).length) body.comments = comments;
    try {
      await api('PATCH', '/api/admin/comments/settings', body);
      setNote(t('csettings.saved'));
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const control = (key: string, kind: Kind, site?: boolean) => {
    const id = `cs-${key}`;
    const value = draft[key] ?? '';
    const set = (v: string) => setDraft({ ...draft, [key]: v });
    const disabled = site && !mayChangeSite;
    const label = t(`csettings.${key}` as MessageKey);
    if (kind === 'bool') {
      return (
        <p class="check" key={key}>
          <input id={id} type="checkbox" checked={value === 'true'} disabled={disabled} onChange={(e) => set(String((e.target as HTMLInputElement).checked))} />
          <label for={id}>{label}</label>
          {fieldError(error, key) ? <small class="field-error" role="alert">{fieldError(error, key)}</small> : null}
        </p>
      );
    }
    const input = kind === 'list' ? <textarea id={id} rows={4} dir="auto" value={value} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
      : kind === 'provider' ? <select id={id} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>{PROVIDERS.map((p) => <option key={p} value={p}>{t(`csettings.provider_${p}` as MessageKey)}</option>)}</select>
      : kind === 'secret' ? <input id={id} value={value} type="password" autocomplete="off" aria-describedby={`${id}-hint`} onInput={(e) => set((e.target as HTMLInputElement).value)} />
      : kind === 'text' ? <input id={id} value={value} type="text" autocomplete="off" aria-describedby={`${id}-hint`} onInput={(e) => set((e.target as HTMLInputElement).value)} />
        : <input id={id} value={value} disabled={disabled} type="number" step={kind === 'score' ? '0.05' : '1'} min="0" max={kind === 'score' ? '1' : undefined}
            aria-describedby={`${id}-hint`} onInput={(e) => set((e.target as HTMLInputElement).value)} />;
    const hint = kind === 'secret' && loaded?.comments.captchaSecretSet ? t('csettings.secret_set') : t(`csettings.${key}_hint` as MessageKey);
    return <Field key={key} id={id} label={label} hint={hint} error={fieldError(error, key)}>{input}</Field>;
  };

  const named = GROUPS.flatMap((g) => g.fields.map((f) => f.key)).concat(['comments', 'settings']);
  return (
    <section class="people">
      <Heading text="csettings.title"><a href="/admin/comments">{t('csettings.back')}</a></Heading>
      <ErrorNote error={error && !named.some((k) => fieldError(error, k)) ? error : null} retry={load} />
      {loaded === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : (
        <form onSubmit={save} class="settings">
          {GROUPS.map((g) => (
            <fieldset key={g.title}>
              <legend>{t(g.title)}</legend>
              {g.fields.map((f) => control(f.key, f.kind, f.site))}
            </fieldset>
          ))}
          {note ? <p role="status" class="ok">{note}</p> : null}
          <p class="buttons"><button type="submit">{t('csettings.save')}</button></p>
        </form>
      )}
      <CommentBlocks />
    </section>
  );
}

// The site's settings: its name and one-line description, logo, language and the other languages it publishes in,
// time zone, each language's calendar and words (site_languages.tsx) for what readers see, what the feeds carry, and the social
// links in the footer. A refused value is named beside its field; everything typed stays.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ErrorNote, Field, fieldError, Heading, setSiteZone } from '../ui.tsx';
import { Done, FormError, textOf } from './content_kit.tsx';
import { MediaPicker, thumbnail, type MediaRow } from './media_picker.tsx';
import { SiteLanguages } from './site_languages.tsx';
import type { Answer, Item } from '../api_types.ts';

const LANGUAGES = ['en', 'fa', 'ps'] as const;
type AllSettings = Answer<'/api/admin/settings', 'get'>['settings'];
type Social = Item<AllSettings['social']>;
/** The settings this screen edits (the comment settings screen has the others). */
type Settings = Pick<AllSettings, (typeof FIELDS)[number]>;
const FIELDS = ['name', 'description', 'logoMediaId', 'language', 'languages', 'timeZone', 'calendars', 'localized', 'feedContent', 'social', 'authorsSubmitForReview'] as const;

/** Every time zone this browser knows (the server checks the one chosen). */
const zones = (): string[] => (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC', 'Asia/Kabul'];

export function SiteSettings(_props: ScreenProps) {
  const [s, setS] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [logo, setLogo] = useState<MediaRow | null>(null);
  const [picking, setPicking] = useState(false);
  const load = async () => {
    setLoadError(null);
    try {
      const all = (await api<Answer<'/api/admin/settings', 'get'>>('GET', '/api/admin/settings')).settings;
      setS(Object.fromEntries(FIELDS.map((k) => [k, all[k]])) as unknown as Settings);
    } catch (err) { setLoadError(err); }
  };
  useEffect(() => { void load(); }, []);
  useEffect(() => {
    if (s?.logoMediaId && logo?.id !== s.logoMediaId) void api<{ media: MediaRow }>('GET', `/api/admin/media/${s.logoMediaId}`).then((r) => setLogo(r.media), () => {});
  }, [s?.logoMediaId]);
  if (loadError) return <section><Heading text="settings.title" /><ErrorNote error={loadError} retry={load} /></section>;
  if (!s) return <p role="status">{t('common.loading')}</p>;

  const set = (patch: Partial<Settings>) => { setDone(false); setS({ ...s, ...patch }); };
  const setSocial = (i: number, patch: Partial<Social>) => set({ social: s.social.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      const saved = (await api<Answer<'/api/admin/settings', 'patch'>>('PATCH', '/api/admin/settings', { ...s, languages: s.languages.filter((l) => l !== s.language) })).settings;
      setS(Object.fromEntries(FIELDS.map((k) => [k, saved[k]])) as unknown as Settings);
      // Every date in the app follows the site's time zone from now on, without a reload.
      setSiteZone(saved.timeZone);
      setDone(true);
    } catch (err) { setError(err); }
  };
  // A schema refusal names a path inside the list (social/0/url): the list's field shows it.
  const socialError = fieldError(error, 'social') ?? (error && (error as { field?: string }).field?.startsWith('social') ? (error as Error).message : undefined);

  return (
    <section>
      <Heading text="settings.title" />
      <form class="settings" onSubmit={save} aria-labelledby="settings-title" noValidate>
        <h2 id="settings-title" class="visually-hidden">{t('settings.title')}</h2>
        <FormError error={socialError ? null : error} fields={[...FIELDS]} />
        <Field id="set-name" label={t('settings.name')} error={fieldError(error, 'name')}>
          <input id="set-name" dir="auto" required maxLength={120} value={s.name} onInput={(e) => set({ name: textOf(e) })} />
        </Field>
        <Field id="set-description" label={t('settings.description')} hint={t('settings.description_hint')} error={fieldError(error, 'description')}>
          <input id="set-description" dir="auto" maxLength={300} value={s.description} aria-describedby="set-description-hint" onInput={(e) => set({ description: textOf(e) })} />
        </Field>
        <fieldset>
          <legend>{t('settings.logo')}</legend>
          {s.logoMediaId && logo ? <img class="logo-preview" src={thumbnail(logo, 240)} alt="" width={120} height={Math.round((120 * logo.height) / logo.width)} /> : <p class="meta">{t('settings.no_logo')}</p>}
          <p class="buttons">
            <button type="button" class="quiet" onClick={() => setPicking(true)}>{t(s.logoMediaId ? 'settings.logo_change' : 'settings.logo_pick')}</button>
            {s.logoMediaId ? <button type="button" class="quiet" onClick={() => set({ logoMediaId: null })}>{t('settings.logo_remove')}</button> : null}
          </p>
          {fieldError(error, 'logoMediaId') ? <p class="field-error" role="alert">{fieldError(error, 'logoMediaId')}</p> : null}
        </fieldset>
        <Field id="set-language" label={t('settings.language')} error={fieldError(error, 'language')}>
          <select id="set-language" value={s.language} onChange={(e) => set({ language: textOf(e) })}>
            {LANGUAGES.map((l) => <option key={l} value={l}>{t(`lang.${l}` as MessageKey)}</option>)}
          </select>
        </Field>
        <fieldset>
          <legend>{t('settings.languages')}</legend>
          <p class="meta">{t('settings.languages_hint')}</p>
          {LANGUAGES.filter((l) => l !== s.language).map((l) => (
            <div class="field check" key={l}>
              <label><input type="checkbox" checked={s.languages.includes(l)}
                onChange={(e) => set({ languages: (e.target as HTMLInputElement).checked ? [...s.languages, l] : s.languages.filter((x) => x !== l) })} /> {t(`lang.${l}` as MessageKey)}</label>
            </div>
          ))}
          {fieldError(error, 'languages') ? <p class="field-error" role="alert">{fieldError(error, 'languages')}</p> : null}
        </fieldset>
        <Field id="set-zone" label={t('settings.time_zone')} hint={t('settings.time_zone_hint')} error={fieldError(error, 'timeZone')}>
          <input id="set-zone" dir="ltr" list="set-zones" value={s.timeZone} aria-describedby="set-zone-hint" onInput={(e) => set({ timeZone: textOf(e) })} />
          <datalist id="set-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
        </Field>
        <SiteLanguages language={s.language} languages={s.languages} calendars={s.calendars} localized={s.localized} social={s.social} error={error} onChange={set} />
        <Field id="set-feeds" label={t('settings.feed_content')} error={fieldError(error, 'feedContent')}>
          <select id="set-feeds" value={s.feedContent} onChange={(e) => set({ feedContent: textOf(e) as Settings['feedContent'] })}>
            <option value="full">{t('settings.feed_full')}</option>
            <option value="excerpt">{t('settings.feed_excerpt')}</option>
          </select>
        </Field>
        <div class="field check">
          <label><input id="set-authors-review" type="checkbox" checked={s.authorsSubmitForReview} aria-describedby="set-authors-review-hint"
            onChange={(e) => set({ authorsSubmitForReview: (e.target as HTMLInputElement).checked })} /> {t('settings.authors_review')}</label>
          <small id="set-authors-review-hint">{t('settings.authors_review_hint')}</small>
          {fieldError(error, 'authorsSubmitForReview') ? <p class="field-error" role="alert">{fieldError(error, 'authorsSubmitForReview')}</p> : null}
        </div>
        <fieldset class="social">
          <legend>{t('settings.social')}</legend>
          {s.social.map((x, i) => (
            <div class="social-row" key={i}>
              <Field id={`social-label-${i}`} label={t('settings.social_label', { n: i + 1 })}>
                <input id={`social-label-${i}`} dir="auto" maxLength={60} value={x.label} onInput={(e) => setSocial(i, { label: textOf(e) })} />
              </Field>
              <Field id={`social-url-${i}`} label={t('settings.social_url', { n: i + 1 })}>
                <input id={`social-url-${i}`} type="url" dir="ltr" maxLength={2000} value={x.url} onInput={(e) => setSocial(i, { url: textOf(e) })} />
              </Field>
              <button type="button" class="quiet" aria-label={t('settings.social_remove', { n: i + 1 })} onClick={() => set({ social: s.social.filter((_, j) => j !== i) })}>×</button>
            </div>
          ))}
          {socialError ? <p class="field-error" role="alert">{socialError}</p> : null}
          {s.social.length < 20 ? <button type="button" class="quiet" onClick={() => set({ social: [...s.social, { label: '', url: 'https://' }] })}>{t('settings.social_add')}</button> : null}
        </fieldset>
        <p class="buttons"><button type="submit">{t('common.save')}</button></p>
        {done ? <Done text={t('settings.saved')} /> : null}
      </form>
      {picking ? <MediaPicker onClose={() => setPicking(false)} onPick={(m) => { setPicking(false); setLogo(m); set({ logoMediaId: m.id }); }} /> : null}
    </section>
  );
}

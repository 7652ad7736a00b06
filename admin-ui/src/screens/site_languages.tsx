// The site settings' part for each language it publishes in: the calendar of its dates and whether a second date in
// the other calendar follows; and, for each language besides the default, the newsroom's name and line, the section
// names and the footer links' labels as that language's pages show them (empty: the default's words).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { t, isRtl, type MessageKey } from '../i18n/index.ts';
import { Field, fieldError } from '../ui.tsx';
import type { Answer } from '../api_types.ts';
import type { Section } from './sections.tsx';

type AllSettings = Answer<'/api/admin/settings', 'get'>['settings'];
export type LanguageDates = AllSettings['calendars'][string];
export type LocalizedSite = AllSettings['localized'][string];

export function SiteLanguages({ language, languages, calendars, localized, social, error, onChange }: {
  language: string; languages: string[]; calendars: Record<string, LanguageDates>; localized: Record<string, LocalizedSite>;
  social: { label: string; url: string }[]; error: unknown;
  onChange: (patch: { calendars?: Record<string, LanguageDates>; localized?: Record<string, LocalizedSite> }) => void;
}) {
  const [sections, setSections] = useState<Section[]>([]);
  useEffect(() => { void api<Answer<'/api/admin/sections', 'get'>>('GET', '/api/admin/sections').then((r) => setSections(r.sections), () => {}); }, []);
  const all = [language, ...languages.filter((l) => l !== language)];
  const name = (l: string) => t(`lang.${l}` as MessageKey);
  const setDates = (l: string, patch: Partial<LanguageDates>) => onChange({ calendars: { ...calendars, [l]: { ...(calendars[l] ?? { calendar: 'gregorian', secondDate: false }), ...patch } } });
  // An emptied field is dropped, so the page falls back to the default's words.
  const setLocal = (l: string, patch: LocalizedSite) => {
    const next: LocalizedSite = { ...(localized[l] ?? {}), ...patch };
    for (const k of ['name', 'description'] as const) if (!next[k]) delete next[k];
    for (const k of ['sections', 'social'] as const) {
      const map = Object.fromEntries(Object.entries(next[k] ?? {}).filter(([, v]) => v.trim()));
      if (Object.keys(map).length) next[k] = map; else delete next[k];
    }
    onChange({ localized: { ...localized, [l]: next } });
  };
  return (
    <fieldset class="site-languages">
      <legend>{t('languages.title')}</legend>
      <p class="meta">{t('languages.hint')}</p>
      {fieldError(error, 'calendars') ? <p class="field-error" role="alert">{fieldError(error, 'calendars')}</p> : null}
      {fieldError(error, 'localized') ? <p class="field-error" role="alert">{fieldError(error, 'localized')}</p> : null}
      {all.map((l) => {
        const own = localized[l] ?? {};
        const dir = isRtl(l) ? 'rtl' : 'ltr';
        return (
          <fieldset key={l} class="site-language">
            <legend>{name(l)}</legend>
            <Field id={`cal-${l}`} label={t('languages.calendar', { language: name(l) })}>
              <select id={`cal-${l}`} value={calendars[l]?.calendar ?? (l === 'en' ? 'gregorian' : 'solar-hijri')} onChange={(e) => setDates(l, { calendar: (e.target as HTMLSelectElement).value as LanguageDates['calendar'] })}>
                <option value="gregorian">{t('settings.gregorian')}</option>
                <option value="solar-hijri">{t('settings.solar_hijri')}</option>
              </select>
            </Field>
            <div class="field check">
              <label><input type="checkbox" checked={calendars[l]?.secondDate ?? false} onChange={(e) => setDates(l, { secondDate: (e.target as HTMLInputElement).checked })} /> {t('languages.second_date', { language: name(l) })}</label>
            </div>
            {l === language ? null : (
              <>
                <Field id={`name-${l}`} label={t('languages.name', { language: name(l) })}>
                  <input id={`name-${l}`} lang={l} dir={dir} maxLength={120} value={own.name ?? ''} onInput={(e) => setLocal(l, { name: (e.target as HTMLInputElement).value })} />
                </Field>
                <Field id={`description-${l}`} label={t('languages.description', { language: name(l) })}>
                  <input id={`description-${l}`} lang={l} dir={dir} maxLength={300} value={own.description ?? ''} onInput={(e) => setLocal(l, { description: (e.target as HTMLInputElement).value })} />
                </Field>
                {sections.length ? <p class="meta">{t('languages.sections')}</p> : null}
                {sections.map((s) => (
                  <Field key={s.slug} id={`section-${l}-${s.slug}`} label={t('languages.section', { language: name(l), section: s.name })}>
                    <input id={`section-${l}-${s.slug}`} lang={l} dir={dir} maxLength={120} value={own.sections?.[s.slug] ?? ''}
                      onInput={(e) => setLocal(l, { sections: { ...(own.sections ?? {}), [s.slug]: (e.target as HTMLInputElement).value } })} />
                  </Field>
                ))}
                {social.length ? <p class="meta">{t('languages.social')}</p> : null}
                {social.map((x) => (
                  <Field key={x.url} id={`social-${l}-${x.url}`} label={t('languages.social_label', { language: name(l), label: x.label })}>
                    <input id={`social-${l}-${x.url}`} lang={l} dir={dir} maxLength={60} value={own.social?.[x.url] ?? ''}
                      onInput={(e) => setLocal(l, { social: { ...(own.social ?? {}), [x.url]: (e.target as HTMLInputElement).value } })} />
                  </Field>
                ))}
              </>
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

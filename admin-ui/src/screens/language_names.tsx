// A name written in each of the site's languages (a person's byline, a section, the newsroom's name): one field a
// language, typed in that language's direction. Left empty, the pages show the default name.
import { t, isRtl, type MessageKey } from '../i18n/index.ts';
import { Field, fieldError } from '../ui.tsx';

export const SITE_LANGUAGES = ['en', 'fa', 'ps'] as const;

export function NamesByLanguage({ id, names, languages = SITE_LANGUAGES, label, error, field, max = 100, onChange }: {
  id: string; names: Record<string, string>; languages?: readonly string[]; label: (language: string) => string; error?: unknown; field?: string;
  max?: number; onChange: (names: Record<string, string>) => void;
}) {
  return (
    <>
      {languages.map((l) => (
        <Field key={l} id={`${id}-${l}`} label={label(t(`lang.${l}` as MessageKey))} error={field ? fieldError(error, `${field}.${l}`) ?? (l === languages[0] ? fieldError(error, field) : undefined) : undefined}>
          <input id={`${id}-${l}`} lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'} maxLength={max} value={names[l] ?? ''}
            onInput={(e) => onChange({ ...names, [l]: (e.target as HTMLInputElement).value })} />
        </Field>
      ))}
    </>
  );
}

// The staff member's choice of the app's language (English, Dari, Pashto, or the site's), in the header: each
// language named in itself, so whoever cannot read the current one still finds their own. The page reloads in the
// chosen language and direction.
import { api } from '../api.ts';
import { t } from '../i18n/index.ts';

/** Each language as its own readers write its name. */
const OWN_NAMES: Record<string, string> = { en: 'English', fa: 'دری', ps: 'پښتو' };

export function InterfaceLanguage({ chosen }: { chosen: string | null }) {
  const change = async (value: string) => {
    await api('PUT', '/api/admin/auth/language', { language: value || null });
    location.reload();
  };
  return (
    <label class="interface-language">
      <span class="visually-hidden">{t('languages.interface')}</span>
      <select value={chosen ?? ''} onChange={(e) => { void change((e.target as HTMLSelectElement).value); }} title={t('languages.interface')}>
        <option value="">{t('languages.interface_site')}</option>
        {Object.entries(OWN_NAMES).map(([lang, name]) => <option key={lang} value={lang} lang={lang}>{name}</option>)}
      </select>
    </label>
  );
}

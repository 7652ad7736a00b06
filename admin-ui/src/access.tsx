// A screen the signed-in person may not use shows why and whom to ask, never a form that then fails: each address
// needs the capability of its navigation entry (the session answer lists the person's capabilities), and the
// frame shows this instead of the screen when it is missing.
import { t, type MessageKey } from './i18n/index.ts';
import type { Me } from './session.ts';

/** An address prefix and the capability its screens need. */
export interface Guarded { href: string; capability?: string }

/** The capability the address needs (the longest matching entry's), or undefined when anyone signed in may. */
export function capabilityFor(path: string, entries: readonly Guarded[]): string | undefined {
  let best: Guarded | undefined;
  for (const e of entries) {
    if (e.href === '/admin') continue;
    if ((path === e.href || path.startsWith(`${e.href}/`)) && (!best || e.href.length > best.href.length)) best = e;
  }
  return best?.capability;
}

const SAYS: Record<string, MessageKey> = {
  'articles.read': 'refused.articles',
  'media.upload': 'refused.media',
  'comments.moderate': 'refused.comments',
  'sections.manage': 'refused.sections',
  'tags.manage': 'refused.tags',
  'people.manage': 'refused.people',
  'ads.manage': 'refused.ads',
  'settings.manage': 'refused.settings',
  'sources.manage': 'refused.sources',
  'users.manage': 'refused.staff',
  'api_keys.manage': 'refused.api_keys',
  'audit.read': 'refused.audit',
  'fronts.manage': 'refused.fronts',
  'audience.read': 'refused.audience',
  'newsletters.manage': 'refused.newsletters',
};

/** What the person sees in place of a screen they may not use. */
export function NotAllowed({ me, capability }: { me: Me; capability: string }) {
  return (
    <section class="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('refused.title')}</h1>
      <p role="alert">{t(SAYS[capability] ?? 'refused.other')} {t('refused.role', { role: t(`role.${me.user.role}` as MessageKey) })}</p>
      <p><a href="/admin">{t('refused.back')}</a></p>
    </section>
  );
}

// The "Get breaking news alerts" box in every page's footer while the newsroom offers alerts. Hidden until alerts.js
// finds a browser that can take push alerts; it asks nothing before the reader clicks. On a section's pages (and its
// stories) the reader may follow that section only.
import type { VNode } from 'preact';
import { t } from '../../i18n/index.ts';
import type { SiteView } from '../site_view.ts';
import { assetUrl } from '../assets.ts';

export function AlertsOptIn({ site, current }: { site: SiteView; current?: string }): VNode | null {
  if (!site.alertsKey) return null;
  const { lang } = site;
  const section = current ? site.sections.find((s) => s.slug === current) : undefined;
  return (
    <section class="alerts-optin" aria-labelledby="alerts-heading" hidden data-alerts data-key={site.alertsKey} data-lang={lang} data-worker="/alerts-sw.js"
      data-on={t(lang, 'alerts.on')} data-off={t(lang, 'alerts.off')} data-denied={t(lang, 'alerts.denied')} data-failed={t(lang, 'alerts.failed')}>
      <h2 id="alerts-heading">{t(lang, 'alerts.heading')}</h2>
      <p>{t(lang, 'alerts.intro')}</p>
      {section ? <p><label><input type="checkbox" name="alerts-section" value={String(section.id)} /> {t(lang, 'alerts.section_only', { section: section.name })}</label></p> : null}
      <p>
        <button type="button" data-alerts-on>{t(lang, 'alerts.button')}</button>
        <button type="button" data-alerts-off hidden>{t(lang, 'alerts.off_button')}</button>
      </p>
      <p role="status" data-alerts-status />
      <script type="module" src={assetUrl('alerts.js')} />
    </section>
  );
}

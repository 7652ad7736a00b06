// Small pieces every screen uses: an error with a retry, a labelled field that shows its API error, the status
// tabs, and dates written the newsroom's way.
import type { ComponentChildren } from 'preact';
import { formatDate } from '../../src/i18n/dates.ts';
import { ApiError } from './api.ts';
import { count, interfaceLanguage, t, type MessageKey } from './i18n/index.ts';
import { isoToSiteTime, siteTimeToIso } from './editor/site_time.ts';

/** A failure in plain words, with a retry when trying again can help. Never a blank screen. */
export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, t('error.unknown'));
  return (
    <div class="error" role="alert">
      <span>{e.message}</span>
      {retry && (e.retryable || e.status === 0) ? <button type="button" onClick={retry}>{t('common.retry')}</button> : null}
    </div>
  );
}

/** The error for one field, when the API named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      {error ? <small class="field-error" id={`${id}-error`} role="alert">{error}</small> : null}
    </div>
  );
}

export function Tabs<K extends string>({ label, tabs, current, onPick }: {
  label: string; tabs: { key: K; label: string; count?: number }[]; current: K; onPick: (k: K) => void;
}) {
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button key={tab.key} type="button" role="tab" aria-selected={tab.key === current} onClick={() => onPick(tab.key)}>
          {tab.label}{tab.count !== undefined ? <span class="count">{count(tab.count)}</span> : null}
        </button>
      ))}
    </div>
  );
}

let zone = 'UTC';
/** Sets the site's time zone (from the session answer) that every date in the app follows. */
export function setSiteZone(timeZone: string): void {
  zone = timeZone || 'UTC';
}
/** The site's time zone, e.g. Asia/Kabul. */
export const siteZone = (): string => zone;

/** A time as the newsroom reads it: the site's one date formatter (src/i18n/dates.ts), in the interface language's
 * calendar and script and the site's time zone (not the computer's: a Kabul newsroom's staff abroad see Kabul time). */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatDate(iso, interfaceLanguage(), { timeZone: zone }, 'datetime');
}

/** A moment as a datetime-local field's value on the site's clock ('' for none). */
export const siteInput = (iso: string | null | undefined): string => (iso ? isoToSiteTime(iso, zone) : '');
/** The moment a datetime-local field's value names on the site's clock (null for an empty or broken value). */
export const siteMoment = (local: string): string | null => (local ? siteTimeToIso(local, zone) : null);
/** The time of day on the site's clock, e.g. 14:05. */
export const siteClock = (at: Date | string): string =>
  new Intl.DateTimeFormat(interfaceLanguage(), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(at));

export function NotFound() {
  return <section><h1>{t('notfound.title')}</h1><p><a href="/admin">{t('nav.dashboard')}</a></p></section>;
}

export function Heading({ text, children }: { text: MessageKey; children?: ComponentChildren }) {
  return <div class="heading"><h1>{t(text)}</h1>{children}</div>;
}

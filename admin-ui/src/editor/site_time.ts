// Dates in the site's time zone (Asia/Kabul for a Kabul newsroom), whatever the computer's own zone: the editor
// shows times as the newsroom reads them, and a time typed into the schedule field is the site's wall-clock time.
import { interfaceLanguage } from '../i18n/index.ts';
import { formatDate } from '../../../src/i18n/dates.ts';

/** A moment as the site's clock shows it, e.g. "7 December 2026 at 21:30", through the site's one date formatter: in
 * Dari and Pashto their own calendar, months and digits (a browser may have no Pashto locale data). */
export function whenIn(iso: string | null | undefined, timeZone = 'UTC'): string {
  if (!iso) return '';
  return formatDate(iso, interfaceLanguage(), { timeZone }, 'datetime');
}

/** How far the zone's clock is ahead of UTC at that moment, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000;
}

/** The moment a datetime-local value ("2026-12-08T06:00") names on the site's clock; null when it is not one. */
export function siteTimeToIso(local: string, timeZone = 'UTC'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let utc = wall - offsetAt(wall, timeZone);
  utc = wall - offsetAt(utc, timeZone); // once more, for a moment near a change of offset
  return new Date(utc).toISOString();
}

/** A moment as a datetime-local value on the site's clock (the schedule field's value for a scheduled story). */
export function isoToSiteTime(iso: string, timeZone = 'UTC'): string {
  const ms = Date.parse(iso);
  return new Date(ms + offsetAt(ms, timeZone)).toISOString().slice(0, 16);
}

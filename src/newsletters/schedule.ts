// When a list's digest is next due: daily, or weekly on a weekday, at HH:MM in the site's time zone.
import { localDay, zonedMidnight } from '../i18n/index.ts';
import type { DigestEvery } from './tables.ts';

const DAY = 86_400_000;

/** The first digest time strictly after `after`; null for a list without a digest. */
export function nextDigestAt(every: DigestEvery, time: string, weekday: number, timeZone: string, after: Date): Date | null {
  if (every === 'off') return null;
  const [h, m] = time.split(':').map(Number);
  const [y, mo, d] = localDay(after, timeZone).split('-').map(Number);
  // Local midnight of each day from yesterday on (a zone ahead of UTC can put today's slot before `after`'s UTC day).
  for (let i = -1; i <= 8; i++) {
    const day = new Date(Date.UTC(y, mo - 1, d + i));
    if (every === 'weekly' && day.getUTCDay() !== weekday) continue;
    const at = new Date(zonedMidnight(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone).getTime() + (h * 60 + m) * 60_000);
    if (at.getTime() > after.getTime()) return at;
  }
  return new Date(after.getTime() + DAY);
}

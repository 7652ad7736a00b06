// The newsroom's hours and days: figures are by the site's time zone (Kabul is UTC+4:30, so its hours start at half
// past in UTC). An hour is kept as the second its local hour began; a day as its local date, YYYY-MM-DD.

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of an instant, as if it were UTC (milliseconds). */
function wallClock(at: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

export interface Period {
  /** the second the local hour began (UTC seconds) */
  hour: number;
  /** the local date */
  day: string;
}

/** The local hour and day an instant falls in. */
export function periodOf(at: Date, timeZone: string): Period {
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  const wall = wallClock(new Date(ms), timeZone);
  const offset = wall - ms;
  const wallHour = Math.floor(wall / 3600_000) * 3600_000;
  return { hour: (wallHour - offset) / 1000, day: new Date(wall).toISOString().slice(0, 10) };
}

/** The local date `days` days before (negative: after) a local date. */
export function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Every local date from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 1000; d = dayBefore(d, -1)) out.push(d);
  return out;
}

/** The second the local day of an instant began (UTC seconds; the day's offset at that instant). */
export function dayStartOf(at: Date, timeZone: string): number {
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  const wall = wallClock(new Date(ms), timeZone);
  return (Math.floor(wall / 86_400_000) * 86_400_000 - (wall - ms)) / 1000;
}

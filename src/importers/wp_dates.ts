// WordPress writes times as "YYYY-MM-DD HH:MM:SS", in UTC (_gmt) and in the site's zone; a draft's UTC time is
// "0000-00-00 00:00:00". Khabar keeps ISO 8601 UTC.

/** The UTC time as ISO 8601, else the local one read as UTC, else null. */
export function wpTime(gmt: string, local: string): string | null {
  return iso(gmt) ?? iso(local);
}

function iso(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s.trim());
  if (!m || m[1] === '0000') return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

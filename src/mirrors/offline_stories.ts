// Which stories an offline edition holds: those of one language published on one local day in the site's time
// zone; on a quiet day (fewer than a handful), the latest stories up to the end of that day instead, so that an
// edition is never nearly empty. Each with what the edition prints: body, hero picture, bylines, corrections.
import type { AppContext } from '../context.ts';
import { findArticleById, listPublished, type ArticlePage } from '../content/reading.ts';
import { getSettings, type SiteSettings } from '../content/settings.ts';
import { zonedMidnight } from '../i18n/index.ts';

/** Fewer stories than this on the day: the edition takes the latest ones instead. */
export const HANDFUL = 5;
/** How many stories an edition takes when the day has too few. */
export const LATEST = 20;
/** At most this many stories of one busy day: what keeps an edition well under 2 MB. */
export const MOST = 30;

export interface EditionStories {
  settings: SiteSettings;
  /** 'day': the day's own stories; 'latest': the latest ones up to the day's end */
  kind: 'day' | 'latest';
  stories: ArticlePage[];
  /** the day's bounds (ISO) */
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` is a YYYY-MM-DD day that exists. */
export function validDay(date: string): boolean {
  const m = DAY.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** The day before (or `n` days from) a YYYY-MM-DD day. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The bounds of a local day in a time zone, as ISO instants. */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number);
  const next = addDays(date, 1).split('-').map(Number);
  return { from: zonedMidnight(y, m, d, timeZone).toISOString(), to: zonedMidnight(next[0], next[1], next[2], timeZone).toISOString() };
}

/** The stories of a language's edition of a local day, newest first. */
export async function editionStories(ctx: AppContext, lang: string, date: string): Promise<EditionStories> {
  const settings = await getSettings(ctx.db);
  const { from, to } = dayBounds(date, settings.timeZone);
  const day = await listPublished(ctx.db, { language: lang, from, to }, MOST);
  const kind = day.items.length >= HANDFUL ? 'day' : 'latest';
  const cards = kind === 'day' ? day.items : (await listPublished(ctx.db, { language: lang, to }, LATEST)).items;
  const stories: ArticlePage[] = [];
  for (const c of cards) {
    const a = await findArticleById(ctx.db, c.id);
    if (a && a.status === 'published') stories.push(a);
  }
  return { settings, kind, stories, from, to };
}

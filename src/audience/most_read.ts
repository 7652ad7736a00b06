// The readers' "Most read" list: per language, the stories read most over the last 24 hours (by hour) or 7 days (by
// day), as the newsroom chose. Worked out again every few minutes from the totals; only when a language's list
// really changes is its pages' cache purged (the 'audience.most_read' event), so fronts and article pages stay
// cached between changes.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { storyLabels } from '../content/article_facts.ts';
import { stampOf } from '../content/stamps.ts';
import { dayBefore, periodOf } from './periods.ts';
import { getAudienceSettings, type MostReadPeriod } from './audience_settings.ts';

/** How often the lists are worked out again (the pages showing them change at most this often). */
export const MOST_READ_EVERY_MS = 5 * 60_000;
const CANDIDATES = 200;

export interface MostReadStory { id: number; headline: string; slug: string; views: number }
export interface MostRead { period: Exclude<MostReadPeriod, 'off'>; stories: MostReadStory[] }

/** Works the lists out again; returns the languages whose list changed (their pages were purged). */
export async function refreshMostRead(ctx: AppContext): Promise<string[]> {
  const { mostRead, mostReadCount } = await getAudienceSettings(ctx);
  const fresh = new Map<string, { article_id: number; views: number }[]>();
  if (mostRead !== 'off') {
    const { timeZone } = await getSettings(ctx.db);
    const now = periodOf(ctx.clock.now(), timeZone);
    const rows = mostRead === '24h'
      ? await ctx.db.selectFrom('audience_hourly').select((eb) => ['key', eb.fn.sum<number>('views').as('views')])
        .where('dim', '=', 'article').where('hour', '>', now.hour - 24 * 3600).groupBy('key').orderBy(sql`sum(views)`, 'desc').orderBy('key').limit(CANDIDATES).execute()
      : await ctx.db.selectFrom('audience_daily').select((eb) => ['key', eb.fn.sum<number>('views').as('views')])
        .where('dim', '=', 'article').where('day', '>=', dayBefore(now.day, 6)).groupBy('key').orderBy(sql`sum(views)`, 'desc').orderBy('key').limit(CANDIDATES).execute();
    const labels = await storyLabels(ctx.db, rows.map((r) => Number(r.key)));
    for (const r of rows) {
      const s = labels.get(Number(r.key));
      if (!s?.published) continue;
      const list = fresh.get(s.language) ?? [];
      if (list.length < mostReadCount) list.push({ article_id: s.id, views: Number(r.views) });
      fresh.set(s.language, list);
    }
  }
  const stored = await ctx.db.selectFrom('audience_most_read').selectAll().orderBy('language').orderBy('rank').execute();
  const before = new Map<string, number[]>();
  for (const r of stored) before.set(r.language, [...(before.get(r.language) ?? []), r.article_id]);
  // A list changes for readers when its stories or their order change; the counts alone change nothing shown.
  const changed = [...new Set([...before.keys(), ...fresh.keys()])].filter((lang) =>
    (before.get(lang) ?? []).join(',') !== (fresh.get(lang) ?? []).map((r) => r.article_id).join(','));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audience_most_read').execute();
    const rows = [...fresh].flatMap(([language, list]) => list.map((r, i) => ({ language, rank: i + 1, article_id: r.article_id, views: r.views })));
    if (rows.length) await trx.insertInto('audience_most_read').values(rows).execute();
  });
  if (changed.length) await ctx.events.emit('audience.most_read', { languages: changed });
  return changed;
}

/** The list readers of a language see, or null when the newsroom shows none (or nothing has been read yet). */
export async function mostReadFor(ctx: AppContext, language: string): Promise<MostRead | null> {
  const { mostRead } = await getAudienceSettings(ctx);
  if (mostRead === 'off') return null;
  const rows = await ctx.db.selectFrom('audience_most_read').selectAll().where('language', '=', language).orderBy('rank').execute();
  if (!rows.length) return null;
  const labels = await storyLabels(ctx.db, rows.map((r) => r.article_id));
  const stories = rows.flatMap((r) => {
    const s = labels.get(r.article_id);
    return s?.published ? [{ id: s.id, headline: s.headline, slug: s.slug, views: r.views }] : [];
  });
  return stories.length ? { period: mostRead, stories } : null;
}

/** The stamps of the lists (src/content/stamps.ts explains stamps): one per language with a list, and the family's
 *  (`most-read:*`) for languages without one, so the static export renders a page again only when its list changed. */
export async function mostReadStamps(ctx: AppContext): Promise<Record<string, string>> {
  const { mostRead } = await getAudienceSettings(ctx);
  const rows = await ctx.db.selectFrom('audience_most_read').select(['language', 'article_id']).orderBy('language').orderBy('rank').execute();
  const lists = new Map<string, number[]>();
  for (const r of rows) lists.set(r.language, [...(lists.get(r.language) ?? []), r.article_id]);
  const out: Record<string, string> = { 'most-read:*': stampOf([mostRead]) };
  for (const [language, ids] of lists) out[`most-read:${language}`] = stampOf([mostRead, ids]);
  return out;
}

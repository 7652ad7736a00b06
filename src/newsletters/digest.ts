// The automatic digest of each list: at its time in the site's time zone, what was published in its language (and
// sections) since the last digest; skipped when there is nothing new, so the next one covers the longer stretch.
import type { AppContext } from '../context.ts';
import { listPublished, type ArticleCard } from '../content/reading.ts';
import { getSettings } from '../content/settings.ts';
import { listOf } from './lists.ts';
import { nextDigestAt } from './schedule.ts';
import { getNewsletterSettings } from './settings.ts';
import { createSend, startSend } from './sending.ts';

export interface DigestOutcome { listId: number; sendId: number | null; stories: number }

/** Makes and starts each digest that came due; each due time is taken by one instance (a conditional update). */
export async function runDueDigests(ctx: AppContext): Promise<DigestOutcome[]> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  const due = await ctx.db.selectFrom('newsletter_lists').selectAll().where('digest', '!=', 'off').where('next_digest_at', '<=', iso).execute();
  if (!due.length) return [];
  const [site, settings] = await Promise.all([getSettings(ctx.db), getNewsletterSettings(ctx)]);
  const out: DigestOutcome[] = [];
  for (const row of due) {
    const list = listOf(row);
    const next = nextDigestAt(list.digest, list.digestTime, list.digestWeekday, site.timeZone, now);
    const won = await ctx.db.updateTable('newsletter_lists').set({ next_digest_at: next ? next.toISOString() : null })
      .where('id', '=', list.id).where('next_digest_at', '=', row.next_digest_at).executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) continue;
    const since = list.lastDigestAt ?? row.created_at;
    const stories = await storiesSince(ctx, list.language, list.sectionIds, since, iso, settings.digestMaxStories);
    if (!stories.length) { out.push({ listId: list.id, sendId: null, stories: 0 }); continue; }
    const sendId = await createSend(ctx, { listId: list.id, kind: 'digest', articleIds: stories.map((s) => s.id) }, null);
    await startSend(ctx, sendId);
    await ctx.db.updateTable('newsletter_lists').set({ last_digest_at: iso }).where('id', '=', list.id).execute();
    out.push({ listId: list.id, sendId, stories: stories.length });
  }
  return out;
}

/** Published stories in a language (and sections) within [from, to), newest first, at most `max`. */
async function storiesSince(ctx: AppContext, language: string, sectionIds: number[], from: string, to: string, max: number): Promise<ArticleCard[]> {
  const filters = sectionIds.length ? sectionIds.map((sectionId) => ({ language, from, to, sectionId })) : [{ language, from, to }];
  const found = (await Promise.all(filters.map((f) => listPublished(ctx.db, f, max)))).flatMap((r) => r.items);
  const seen = new Set<number>();
  return found.filter((a) => !seen.has(a.id) && seen.add(a.id)).sort((a, b) => b.published_at.localeCompare(a.published_at)).slice(0, max);
}

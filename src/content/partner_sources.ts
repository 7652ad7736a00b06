// What syndication reads and writes of the content it brings in: which sources have feeds to poll and when, each
// source's polling state, and the partner's own credit on an imported story.
import type { Db } from '../db/schema.ts';

/** The sources with a feed address whose next poll is due by `now` (never polled counts as due), in id order. */
export async function sourcesDueForPolling(db: Db, now: string): Promise<number[]> {
  const rows = await db.selectFrom('sources').select('id').where('feed_url', 'is not', null)
    .where((eb) => eb.or([eb('next_poll_at', 'is', null), eb('next_poll_at', '<=', now)])).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The sources with a feed address, all of them or the one named by id or slug, in id order. */
export async function sourcesWithFeeds(db: Db, which?: string): Promise<number[]> {
  let q = db.selectFrom('sources').select('id').where('feed_url', 'is not', null);
  if (which) q = /^\d+$/.test(which) ? q.where('id', '=', Number(which)) : q.where('slug', '=', which);
  return (await q.orderBy('id').execute()).map((r) => r.id);
}

/** Stores a source's polling state after a poll: failures in a row, the next poll, the feed's validators. */
export async function notePollSchedule(db: Db, id: number, update: { failures: number; next_poll_at: string; etag?: string | null; last_modified?: string | null }): Promise<void> {
  await db.updateTable('sources').set(update).where('id', '=', id).execute();
}

/** The partner's own byline and publication time on a story imported from its feed. */
export async function noteOriginalCredit(db: Db, articleId: number, byline: string, publishedAt: string | null): Promise<void> {
  await db.updateTable('articles').set({ original_byline: byline.slice(0, 300), original_published_at: publishedAt }).where('id', '=', articleId).execute();
}

// Review: a writer submits a story, an editor publishes it or sends it back with a note the writer sees in the
// editor. One row per article keeps the latest round; the review queue and the dashboard read it.
import type { Db } from '../db/schema.ts';
import { userNames } from '../auth/user_names.ts';

/** The article's latest review round, with the names of the submitter and of whoever sent it back. */
export async function reviewOf(db: Db, articleId: number) {
  const r = await db.selectFrom('article_reviews').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  if (!r) return null;
  const names = await namesOf(db, [r.submitted_by, r.sent_back_by]);
  return { ...r, submitted_by_name: names.get(r.submitted_by ?? 0) ?? null, sent_back_by_name: names.get(r.sent_back_by ?? 0) ?? null };
}

const namesOf = userNames;

/** Records a submission (the note of an earlier round is cleared: the writer has answered it). */
export async function noteSubmitted(db: Db, articleId: number, by: number | null, at: string): Promise<void> {
  const row = { submitted_by: by, submitted_at: at, sent_back_by: null, sent_back_at: null, note: '' };
  await db.insertInto('article_reviews').values({ article_id: articleId, ...row }).onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute();
}

/** Records that an editor sent the story back with a note. */
export async function noteSentBack(db: Db, articleId: number, by: number | null, at: string, note: string): Promise<void> {
  const row = { sent_back_by: by, sent_back_at: at, note };
  await db.insertInto('article_reviews').values({ article_id: articleId, submitted_by: null, submitted_at: null, ...row })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute();
}

/** Clears the round once the story is published: nothing waits and nothing is sent back any more. */
export async function closeReview(db: Db, articleId: number): Promise<void> {
  await db.deleteFrom('article_reviews').where('article_id', '=', articleId).execute();
}

export interface ReviewScope {
  /** only the articles this staff member created or has a byline on (a writer's own); absent: every article */
  visibleTo?: { userId: number; personId: number | null };
}

/** What waits for review (oldest submission first) and what was sent back (newest first), within the scope. */
export async function reviewQueue(db: Db, scope: ReviewScope = {}) {
  const base = () => {
    // every story in review is listed, also one that came in before review rounds were kept (from syndication, say)
    let q = db.selectFrom('articles').leftJoin('article_reviews', 'article_reviews.article_id', 'articles.id')
      .leftJoin('users as submitter', 'submitter.id', 'article_reviews.submitted_by')
      .leftJoin('users as sender', 'sender.id', 'article_reviews.sent_back_by')
      .select(['articles.id', 'articles.headline', 'articles.status', 'articles.language', 'article_reviews.submitted_at', 'submitter.name as submitted_by_name',
        'article_reviews.sent_back_at', 'sender.name as sent_back_by_name', 'article_reviews.note']);
    const v = scope.visibleTo;
    if (v) {
      q = q.where((eb) => eb.or([
        eb('articles.created_by', '=', v.userId),
        ...(v.personId !== null ? [eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.person_id', '=', v.personId))] : []),
      ]));
    }
    return q;
  };
  const waiting = await base().where('articles.status', '=', 'review').orderBy('article_reviews.submitted_at').orderBy('articles.updated_at').limit(50).execute();
  const sentBack = await base().where('articles.status', '=', 'draft').where('article_reviews.sent_back_at', 'is not', null)
    .orderBy('article_reviews.sent_back_at', 'desc').limit(50).execute();
  return { waiting, sentBack };
}

// The public thread of an article: approved comments only, oldest first, replies nested, top-level threads paged.
// Emails and addresses never leave this module.
import type { Db } from '../db/schema.ts';

export interface ThreadComment {
  id: number;
  parentId: number | null;
  depth: number;
  name: string;
  body: string;
  createdAt: string;
  replies: ThreadComment[];
}

export interface Thread {
  /** approved comments on the article */
  count: number;
  page: number;
  pages: number;
  comments: ThreadComment[];
}

const MAX_REPLIES = 5000;

/** What the thread shows of a comment: never the email or the address. */
const COLUMNS = ['id', 'parent_id', 'depth', 'author_name', 'body', 'created_at'] as const;

interface ShownRow { id: number; parent_id: number | null; depth: number; author_name: string; body: string; created_at: string }

function toComment(r: ShownRow): ThreadComment {
  return { id: r.id, parentId: r.parent_id, depth: r.depth, name: r.author_name, body: r.body, createdAt: r.created_at, replies: [] };
}

/** How many comments an article shows (its heading's count). */
export async function approvedCount(db: Db, articleId: number): Promise<number> {
  const r = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of an article's approved thread (page counts from 1; out-of-range pages come back empty). */
export async function loadThread(db: Db, articleId: number, page: number, pageSize: number): Promise<Thread> {
  const approved = db.selectFrom('comments').select('id').where('article_id', '=', articleId).where('status', '=', 'approved');
  // A reply whose parent is no longer shown moves up to the top level rather than vanishing.
  const topLevel = db.selectFrom('comments').where('article_id', '=', articleId).where('status', '=', 'approved')
    .where((eb) => eb.or([eb('parent_id', 'is', null), eb('parent_id', 'not in', approved)]));
  const [{ n: count }, { n: tops }] = await Promise.all([
    approvedCount(db, articleId).then((n) => ({ n })),
    topLevel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const pages = Math.max(1, Math.ceil(Number(tops) / pageSize));
  const p = Math.max(1, Math.floor(page));
  const roots = await topLevel.select(COLUMNS).orderBy('created_at').orderBy('id').limit(pageSize).offset((p - 1) * pageSize).execute();
  const byId = new Map<number, ThreadComment>();
  const comments = roots.map((r) => { const c = toComment(r); byId.set(c.id, c); return c; });
  // Replies level by level: the depth is bounded by the settings, so this is a handful of queries.
  let parents = comments.map((c) => c.id);
  while (parents.length > 0 && byId.size < MAX_REPLIES) {
    const level = await db.selectFrom('comments').select(COLUMNS).where('article_id', '=', articleId).where('status', '=', 'approved')
      .where('parent_id', 'in', parents).orderBy('created_at').orderBy('id').limit(MAX_REPLIES).execute();
    parents = [];
    for (const r of level) {
      if (byId.has(r.id)) continue;
      const c = toComment(r);
      byId.set(c.id, c);
      byId.get(r.parent_id!)?.replies.push(c);
      parents.push(c.id);
    }
  }
  return { count: Number(count), page: p, pages, comments };
}

/** An approved comment on this article that a reader may reply to, or null. */
export async function replyTarget(db: Db, articleId: number, commentId: number): Promise<{ id: number; name: string } | null> {
  const c = await db.selectFrom('comments').select(['id', 'author_name']).where('id', '=', commentId)
    .where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirst();
  return c ? { id: c.id, name: c.author_name } : null;
}

/** One approved comment as the thread shows it, with its article's language (for the page that was just posted to). */
export async function shownComment(db: Db, commentId: number): Promise<{ comment: ThreadComment; language: string; articleId: number } | null> {
  const c = await db.selectFrom('comments').innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([...COLUMNS.map((col) => `comments.${col}` as const), 'articles.language', 'articles.id as article_id'])
    .where('comments.id', '=', commentId).where('comments.status', '=', 'approved').executeTakeFirst();
  return c ? { comment: toComment(c), language: c.language, articleId: c.article_id } : null;
}

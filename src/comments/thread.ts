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

const MAX_SHOWN = 5000;

/** One page of an article's approved thread (page counts from 1; out-of-range pages come back empty). */
export async function loadThread(db: Db, articleId: number, page: number, pageSize: number): Promise<Thread> {
  const rows = await db.selectFrom('comments').select(['id', 'parent_id', 'depth', 'author_name', 'body', 'created_at'])
    .where('article_id', '=', articleId).where('status', '=', 'approved').orderBy('created_at').orderBy('id').limit(MAX_SHOWN).execute();
  const byId = new Map<number, ThreadComment>();
  for (const r of rows) byId.set(r.id, { id: r.id, parentId: r.parent_id, depth: r.depth, name: r.author_name, body: r.body, createdAt: r.created_at, replies: [] });
  const top: ThreadComment[] = [];
  for (const c of byId.values()) {
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    // A reply whose parent is no longer shown moves up to the top level rather than vanishing.
    if (parent) parent.replies.push(c);
    else top.push(c);
  }
  const pages = Math.max(1, Math.ceil(top.length / pageSize));
  const p = Math.max(1, Math.floor(page));
  return { count: rows.length, page: p, pages, comments: top.slice((p - 1) * pageSize, p * pageSize) };
}

/** Approved comment counts for many articles at once (lists, teasers). */
export async function approvedCounts(db: Db, articleIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (articleIds.length === 0) return out;
  const rows = await db.selectFrom('comments').select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', 'in', articleIds).where('status', '=', 'approved').groupBy('article_id').execute();
  for (const r of rows) out.set(r.article_id, Number(r.n));
  return out;
}

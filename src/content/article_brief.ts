// The few facts of an article other domains key their own rows by (comments: is it public, are its comments open;
// the demo: is the newsroom empty), read here where the articles table lives.
import type { Db } from '../db/schema.ts';

export interface ArticleBrief {
  id: number;
  slug: string;
  language: string;
  status: string;
  comments_open: number;
  published_at: string | null;
}

/** An article by id or slug (any status), or null. */
export async function articleBrief(db: Db, by: { id: number } | { slug: string }): Promise<ArticleBrief | null> {
  const q = db.selectFrom('articles').select(['id', 'slug', 'language', 'status', 'comments_open', 'published_at']);
  return (await ('id' in by ? q.where('id', '=', by.id) : q.where('slug', '=', by.slug)).executeTakeFirst()) ?? null;
}

/** Every article's id. */
export async function articleIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('articles').select('id').execute()).map((a) => a.id);
}

/** How many articles the database holds, of any status. */
export async function countArticles(db: Db): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

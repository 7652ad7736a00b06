// What the search index (src/search) reads of the content: a published story's searchable text, which stories are
// published, and which stories a person or tag appears on. Read here, where the content tables live.
import type { Db } from '../db/schema.ts';

export interface SearchableArticle {
  headline: string;
  standfirst: string;
  bodyText: string;
  /** bylines in order */
  people: string[];
  tags: string[];
  sectionId: number | null;
  language: string;
  publishedAt: string;
}

/** A published story's searchable text, or null when readers cannot see it (not published, deleted). */
export async function searchableArticle(db: Db, articleId: number): Promise<SearchableArticle | null> {
  const a = await db.selectFrom('articles')
    .select(['id', 'headline', 'standfirst', 'body_text', 'section_id', 'language', 'published_at', 'updated_at', 'status'])
    .where('id', '=', articleId).executeTakeFirst();
  if (a?.status !== 'published') return null;
  const [people, tags] = await Promise.all([
    db.selectFrom('article_authors').innerJoin('people', 'people.id', 'article_authors.person_id').select('people.name')
      .where('article_authors.article_id', '=', articleId).orderBy('article_authors.position').execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select('tags.name')
      .where('article_tags.article_id', '=', articleId).execute(),
  ]);
  return {
    headline: a.headline, standfirst: a.standfirst, bodyText: a.body_text, people: people.map((p) => p.name), tags: tags.map((t) => t.name),
    sectionId: a.section_id, language: a.language, publishedAt: a.published_at ?? a.updated_at,
  };
}

/** Every published story's id, in id order (`limit`: only the first few). */
export async function publishedArticleIds(db: Db, limit?: number): Promise<number[]> {
  let q = db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map((r) => r.id);
}

/** The stories a person has a byline on, or a tag is on. */
export async function articlesNaming(db: Db, kind: 'person' | 'tag', id: number): Promise<number[]> {
  const rows = kind === 'person'
    ? await db.selectFrom('article_authors').select('article_id').where('person_id', '=', id).execute()
    : await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute();
  return rows.map((r) => r.article_id);
}

// What the audience figures need to know of the content they count: which story an address names (its id, section,
// authors and language), and the names to show next to an id in the figures. Read here, in the content domain that
// owns these tables; src/audience calls these functions.
import type { Db } from '../db/schema.ts';

export interface ArticleFacts {
  id: number;
  sectionId: number | null;
  language: string;
  authorIds: number[];
}

/** The published stories named by these slugs (old slugs too), by the slug asked. */
export async function articleFactsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, ArticleFacts>> {
  const out = new Map<string, ArticleFacts>();
  const wanted = [...new Set(slugs)].filter((s) => s.length > 0 && s.length <= 200);
  if (!wanted.length) return out;
  const rows = await db.selectFrom('articles').select(['id', 'slug', 'section_id', 'language']).where('status', '=', 'published').where('slug', 'in', wanted).execute();
  const missing = wanted.filter((s) => !rows.some((r) => r.slug === s));
  const old = missing.length
    ? await db.selectFrom('article_slugs').innerJoin('articles', 'articles.id', 'article_slugs.article_id')
      .select(['article_slugs.slug', 'articles.id', 'articles.section_id', 'articles.language'])
      .where('articles.status', '=', 'published').where('article_slugs.slug', 'in', missing).execute()
    : [];
  const all = [...rows, ...old];
  const authors = all.length
    ? await db.selectFrom('article_authors').select(['article_id', 'person_id']).where('article_id', 'in', all.map((r) => r.id)).orderBy('position').execute()
    : [];
  for (const r of all) {
    out.set(r.slug, { id: r.id, sectionId: r.section_id, language: r.language, authorIds: authors.filter((a) => a.article_id === r.id).map((a) => a.person_id) });
  }
  return out;
}

export interface StoryLabel {
  id: number;
  headline: string;
  slug: string;
  language: string;
  published: boolean;
}

/** Headline, slug and language of stories by id. */
export async function storyLabels(db: Db, ids: readonly number[]): Promise<Map<number, StoryLabel>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'headline', 'slug', 'language', 'status']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, headline: r.headline, slug: r.slug, language: r.language, published: r.status === 'published' }]));
}

/** Names of sections or people by id. */
export async function namesOf(db: Db, table: 'sections' | 'people', ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// What a feed carries: the newest published stories of a list (site, section, tag, author, language) with their
// bodies and tags, which list pages do not need.
import type { Db } from '../db/schema.ts';
import { listPublished, type ArticleCard, type ListFilter } from './reading.ts';

export interface FeedStory extends ArticleCard {
  body_html: string;
  body_text: string;
  tags: { slug: string; name: string }[];
}

/** The newest `limit` published stories matching the filter, newest first, with body and tags. */
export async function listFeedStories(db: Db, filter: ListFilter, limit: number): Promise<FeedStory[]> {
  const { items } = await listPublished(db, filter, limit);
  if (!items.length) return [];
  const ids = items.map((a) => a.id);
  const [bodies, tags] = await Promise.all([
    db.selectFrom('articles').select(['id', 'body_html', 'body_text']).where('id', 'in', ids).execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'tags.slug', 'tags.name']).where('article_tags.article_id', 'in', ids).orderBy('tags.name').execute(),
  ]);
  const body = new Map(bodies.map((b) => [b.id, b]));
  return items.map((a) => ({
    ...a,
    body_html: body.get(a.id)?.body_html ?? '',
    body_text: body.get(a.id)?.body_text ?? '',
    tags: tags.filter((x) => x.article_id === a.id).map(({ slug, name }) => ({ slug, name })),
  }));
}

// Keeps the search index current from the event bus: every change to an article (publish, edit, unpublish,
// archive, delete, scheduled publishing) re-reads that article; a renamed author or tag re-reads its stories. Both at
// the bus's 'refresh' stage: the index is current before the page cache purges the search pages.
import type { AppContext } from '../context.ts';
import { refreshArticle, reindexAll, searchIndexFor } from './search_index.ts';
import { articlesNaming, publishedArticleIds } from '../content/search_text.ts';

type SearchContext = Pick<AppContext, 'db' | 'dialect' | 'events'>;

export function watchForSearch(ctx: SearchContext): () => void {
  const offs = [
    ctx.events.on('article.changed', ({ articleId }) => refreshArticle(ctx, articleId), 'refresh'),
    ctx.events.on('content.changed', async ({ kind, id }) => {
      if (kind !== 'person' && kind !== 'tag') return;
      for (const articleId of await articlesNaming(ctx.db, kind, id)) await refreshArticle(ctx, articleId);
    }, 'refresh'),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** On start: an empty index while stories are published (the index was just created, or a database was restored
 * without it) is filled from the published articles. Two small reads otherwise. */
export async function fillEmptySearchIndex(ctx: SearchContext): Promise<number> {
  if (!(await searchIndexFor(ctx).isEmpty())) return 0;
  return (await publishedArticleIds(ctx.db, 1)).length ? reindexAll(ctx) : 0;
}

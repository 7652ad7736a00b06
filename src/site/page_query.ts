// What each public page reads of its address's query, declared with its route (`app.get(path, READS.list, ...)`):
// the page cache keys a page by these and nothing else, so /articles/x?utm_source=y is the page /articles/x, while
// ?page=2 is another page. A parameter a view starts to read must be added here, or readers get the page without
// it from the cache; a route that declares nothing is keyed by its whole query (correct, only less shared).
import type { RouteShorthandOptions } from 'fastify';
import { OLD_QUERY_KEYS } from '../content/redirects.ts';
import type { PageQuery } from '../http/page_cache.ts';

function reads(query: PageQuery): RouteShorthandOptions {
  return { config: { query } };
}

export const READS = {
  /** feeds, sitemaps, static pages, the lite edition's articles: no parameter */
  nothing: reads({ reads: [] }),
  /** lists (section, tag, author, archive, a language's front, the lite edition's lists): ?page= */
  list: reads({ reads: ['page'] }),
  /** the home page: ?page=, and an imported site's old addresses (/?p=123, /?cat=4), which lead to their new pages */
  home: reads({ reads: ['page'], leads: [...OLD_QUERY_KEYS] }),
  /** an article: its comments' page and the comment being answered */
  article: reads({ reads: ['cpage', 'replyto'] }),
  /** search results: the words, filters and page (src/site/search_show.tsx, searchParams) */
  search: reads({ reads: ['q', 'section', 'lang', 'from', 'to', 'page'] }),
} as const;

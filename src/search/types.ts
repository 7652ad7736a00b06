// The search index's one interface and the values it takes and gives; src/search/search_index.ts picks the engine.

/** What the index holds for one published story; text already normalised. */
export interface SearchDocument {
  articleId: number;
  headline: string;
  standfirst: string;
  body: string;
  /** byline names */
  people: string;
  /** tag names */
  tags: string;
  sectionId: number | null;
  language: string;
  publishedAt: string;
}

export interface SearchQuery {
  /** what the reader typed, as typed */
  q: string;
  sectionId?: number;
  language?: string;
  /** inclusive ISO lower bound and exclusive upper bound on the publication time */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  articleId: number;
  /** higher is better */
  rank: number;
  /** plain text with matched words between MARK_START and MARK_END */
  snippet: string;
}

/** How many of the newest matches are ranked and paged. Ranking every match of a word found in half the archive
 * took half a second; beyond this many, the newest are ranked and the results say there are more. */
export const RANKED = 200;

/** A word in more stories than this tells little about which of them is about it, and counting them is what makes
 * ranking slow (bm25's and ts_rank's document frequencies): such words find stories but are left out of the score. */
export const COMMON = 5000;

export interface SearchResults {
  /** matches, counted up to RANKED */
  total: number;
  /** true when more than RANKED stories match: only the newest RANKED of them are ranked and paged */
  more: boolean;
  hits: SearchHit[];
}

export interface SearchIndex {
  index(doc: SearchDocument): Promise<void>;
  /** many entries in a few statements (a full reindex, the search bench's 100,000 stories) */
  indexMany(docs: SearchDocument[]): Promise<void>;
  remove(articleId: number): Promise<void>;
  /** empty when the query holds no words; never throws on what a reader typed */
  query(q: SearchQuery): Promise<SearchResults>;
  /** true when nothing is indexed (a new index, or one dropped) */
  isEmpty(): Promise<boolean>;
  /** drops everything (before a full reindex) */
  clear(): Promise<void>;
}

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

export interface SearchResults {
  total: number;
  hits: SearchHit[];
}

export interface SearchIndex {
  index(doc: SearchDocument): Promise<void>;
  remove(articleId: number): Promise<void>;
  /** empty when the query holds no words; never throws on what a reader typed */
  query(q: SearchQuery): Promise<SearchResults>;
  /** true when nothing is indexed (a new index, or one dropped) */
  isEmpty(): Promise<boolean>;
  /** drops everything (before a full reindex) */
  clear(): Promise<void>;
}

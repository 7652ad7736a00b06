// Articles: the one place callers import them from. Stored and changed in place (article_store.ts), moved through
// draft -> review -> scheduled -> published -> archived in one transaction each (article_moves.ts), and edited by
// people with a working copy beside a published story's live version (editing.ts); who may do what is decided in
// article_rules.ts.
export * from './article_store.ts';
export * from './article_moves.ts';
export * from './editing.ts';
export type { ArticleAction, ArticleMove } from './article_rules.ts';

// What each thing a public page shows looks like now, as one short stamp per page-cache tag (the names of
// src/site/cache_tags.ts and src/http/page_cache_events.ts): a page whose tags all keep their stamps between two
// moments shows the same thing at both. The static export compares a run's stamps with the last run's to render
// again only the pages that changed. Media, comments and ads have their own (src/media, src/comments, src/ads).
import { createHash } from 'node:crypto';
import type { Db } from '../db/schema.ts';

/** page-cache tag -> stamp of what it names */
export type Stamps = Record<string, string>;

/** A short digest of any JSON-able value. */
export const stampOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/** Rows grouped by a key, e.g. an article's bylines. */
function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Stamps of the site's settings (with the local day: every page shows today's date), sections, people, tags,
 * sources, static pages, articles with their bylines, tags and corrections, and the lists the articles make. */
export async function contentStamps(db: Db, today: string): Promise<Stamps> {
  const [settings, sections, people, tags, sources, pages, articles, authors, tagged, corrections] = await Promise.all([
    db.selectFrom('settings').selectAll().orderBy('key').execute(),
    db.selectFrom('sections').selectAll().orderBy('id').execute(),
    db.selectFrom('people').selectAll().orderBy('id').execute(),
    db.selectFrom('tags').selectAll().orderBy('id').execute(),
    db.selectFrom('sources').selectAll().orderBy('id').execute(),
    db.selectFrom('static_pages').selectAll().orderBy('id').execute(),
    db.selectFrom('articles').selectAll().orderBy('id').execute(),
    db.selectFrom('article_authors').selectAll().execute(),
    db.selectFrom('article_tags').selectAll().execute(),
    db.selectFrom('article_corrections').selectAll().orderBy('id').execute(),
  ]);
  const [pins, strips] = await Promise.all([
    db.selectFrom('front_pins').selectAll().orderBy('id').execute(),
    db.selectFrom('breaking_news').selectAll().orderBy('language').execute(),
  ]);
  const out: Stamps = { settings: stampOf([settings, today]) };
  // Every front and every language's strip: one stamp for the family (a page carries front:<its front>, breaking:<lang>).
  out['front:*'] = stampOf(pins);
  out['breaking:*'] = stampOf(strips);
  const each = (kind: string, rows: { id: number }[]) => {
    for (const r of rows) out[`${kind}:${r.id}`] = stampOf(r);
  };
  each('section', sections);
  each('person', people);
  each('tag', tags);
  each('source', sources);
  each('page', pages);
  // the sitemaps of sections and authors list each one's address and last change
  out['list:sections'] = stampOf(sections);
  out['list:people'] = stampOf(people);
  const byArticle = { authors: groupBy(authors, (r) => r.article_id), tags: groupBy(tagged, (r) => r.article_id), corrections: groupBy(corrections, (r) => r.article_id) };
  // A list changes when a story comes in or goes out of it, or moves in it (its publication time).
  const lists = new Map<string, unknown[]>([['list:latest', []], ['articles', []]]);
  const into = (tag: string, entry: unknown) => lists.set(tag, [...(lists.get(tag) ?? []), entry]);
  for (const a of articles) {
    const by = byArticle.authors.get(a.id) ?? [];
    const on = byArticle.tags.get(a.id) ?? [];
    out[`article:${a.id}`] = stampOf([a, by, on, byArticle.corrections.get(a.id) ?? []]);
    into(`translations:${a.translation_group ?? a.id}`, [a.id, a.language, a.slug, a.status]);
    if (a.status !== 'published') continue;
    const entry = [a.id, a.published_at, a.language];
    into('list:latest', entry);
    into('articles', [a.id, a.slug, a.updated_at]);
    if (a.section_id !== null) into(`list:section:${a.section_id}`, entry);
    for (const t of on) into(`list:tag:${t.tag_id}`, entry);
    for (const p of by) into(`list:person:${p.person_id}`, entry);
  }
  for (const [tag, entries] of lists) out[tag] = stampOf(entries);
  // lists nothing is in any more: an empty list has a stamp too
  for (const s of sections) out[`list:section:${s.id}`] ??= stampOf([]);
  for (const t of tags) out[`list:tag:${t.id}`] ??= stampOf([]);
  for (const p of people) out[`list:person:${p.id}`] ??= stampOf([]);
  return out;
}

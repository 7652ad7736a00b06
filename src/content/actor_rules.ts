// The content rules that decide who may reach other people's work through a side door (a picture's usage list,
// a translation link, a source credit, a tag's address or a tag merge). In the domain, so every face, job and
// importer obeys the same rules: an actor with a role is a staff member, one without is Khabar itself.
import type { Db } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { actorCan, LOCKED_FOR_WRITERS, readerOf, type ArticleReader } from './article_rules.ts';


/** Ids of the articles the reader did not write: neither created by them nor carrying their byline. */
export async function notOwnedBy(db: Db, reader: ArticleReader, articles: { id: number; created_by: number | null }[]): Promise<Set<number>> {
  const others = articles.filter((a) => a.created_by !== reader.userId).map((a) => a.id);
  if (!others.length) return new Set();
  const bylined = reader.personId === null ? [] : await db.selectFrom('article_authors').select('article_id')
    .where('person_id', '=', reader.personId).where('article_id', 'in', others).execute();
  const own = new Set(bylined.map((r) => r.article_id));
  return new Set(others.filter((id) => !own.has(id)));
}

/** How many of the articles the actor may not change (editors: none; writers: others' articles, and their own
 *  once out of their hands). */
export async function articlesBeyond(db: Db, actor: Actor, ids: number[]): Promise<number> {
  const reader = await readerOf(db, actor);
  if (!reader || !ids.length) return 0;
  const rows = await db.selectFrom('articles').select(['id', 'created_by', 'status']).where('id', 'in', ids).execute();
  const notOwn = await notOwnedBy(db, reader, rows);
  const locked = actorCan(actor, 'articles.publish_own') ? [] : rows.filter((r) => LOCKED_FOR_WRITERS.includes(r.status as (typeof LOCKED_FOR_WRITERS)[number])).map((r) => r.id);
  return new Set([...notOwn, ...locked]).size;
}

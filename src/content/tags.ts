// Tags: free labels on articles, created on first use.
import type { AppContext } from '../context.ts';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { articlesBeyond } from './actor_rules.ts';
import { actorCan } from './article_rules.ts';
import { requiredText, slugFrom } from './fields.ts';
import { removeRow, saveUnique } from './rows.ts';
import { slugify } from './sanitize.ts';
import { Described as d, Optional, Strict, Text, type Static } from './input_kit.ts';

export async function listTags(db: Db) {
  return db.selectFrom('tags').selectAll().orderBy('name').execute();
}

export async function getTag(db: Db, id: number) {
  return (await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getTagBySlug(db: Db, slug: string) {
  return (await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

/** What a newsroom sends to create a tag (a change sends any of it). */
export const TagFields = Strict({
  name: d('The tag as readers see it.', Text(60)),
  slug: Optional(d('The last part of its address; made from the name when not given; unique.', Text(200))),
});
export type TagInput = Static<typeof TagFields>;

export async function createTag(ctx: AppContext, input: TagInput): Promise<number> {
  const name = requiredText('name', input.name, 60);
  const slug = slugFrom('slug', input.slug, name);
  const { id } = await saveUnique('tag', 'slug', () => ctx.db.insertInto('tags').values({ name, slug }).returning('id').executeTakeFirstOrThrow());
  return id;
}

/** Changes a tag's name or address; a new address keeps the old one answering 301. */
export async function updateTag(ctx: AppContext, id: number, patch: Partial<TagInput>, actor: Actor): Promise<void> {
  const set: { name?: string; slug?: string } = {};
  if (patch.name !== undefined) set.name = requiredText('name', patch.name, 60);
  if (patch.slug !== undefined) set.slug = slugFrom('slug', patch.slug, set.name ?? '');
  const before = await getTag(ctx.db, id);
  if (!before) throw new NotFoundError('Tag not found');
  if (Object.keys(set).length) {
    await saveUnique('tag', 'slug', () => ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('tags').set(set).where('id', '=', id).execute();
      // A new address keeps the old one working (links from elsewhere, search engines): it answers 301.
      if (set.slug && set.slug !== before.slug) await pointTagAddress(trx, before.slug, set.slug, ctx.clock.now(), actor);
    }));
  }
  await ctx.events.emit('content.changed', { kind: 'tag', id });
}

/** The address of a tag's page as stored in redirects (decoded, as the site looks it up) and as sent (encoded). */
const tagPath = (slug: string) => `/tag/${slug}`;
const tagHref = (slug: string) => `/tag/${encodeURIComponent(slug)}`;

/** Makes the tag page at `from` answer 301 to the one at `to`, and earlier redirects to `from` lead to `to` directly. */
async function pointTagAddress(trx: Transaction<Database>, from: string, to: string, now: Date, actor: Actor): Promise<void> {
  // A redirect already at the new address goes: one left by this tag's own earlier moves may, anyone else's only
  // with redirects.manage (an author must not remove an editor's redirect by naming a tag after its path).
  const taken = await trx.selectFrom('redirects').select('to_path').where('from_path', '=', tagPath(to)).executeTakeFirst();
  if (taken && taken.to_path !== tagHref(from) && !actorCan(actor, 'redirects.manage')) {
    throw new ConflictError(`${tagPath(to)} is a redirect to ${taken.to_path || 'a removed page'}; only someone who manages redirects may give that address to a tag`, 'slug');
  }
  await trx.deleteFrom('redirects').where('from_path', '=', tagPath(to)).execute();
  await trx.updateTable('redirects').set({ to_path: tagHref(to) }).where('to_path', '=', tagHref(from)).execute();
  await trx.insertInto('redirects').values({ from_path: tagPath(from), to_path: tagHref(to), status_code: 301, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: tagHref(to), status_code: 301 })).execute();
}

/** Merges one tag into another: its articles carry the target instead, it is deleted, and its page answers 301
 * to the target's. Returns how many articles gained the target tag. */
export async function mergeTag(ctx: AppContext, fromId: number, intoId: number, actor: Actor): Promise<number> {
  if (fromId === intoId) throw new ValidationError('into', 'a tag cannot be merged into itself');
  const [from, into] = await Promise.all([getTag(ctx.db, fromId), getTag(ctx.db, intoId)]);
  if (!from) throw new NotFoundError('Tag not found');
  if (!into) throw new ValidationError('into', 'into names no tag');
  await mayRetag(ctx, fromId, actor, 'merge');
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const articles = (await trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', fromId).execute()).map((r) => r.article_id);
    const already = new Set(articles.length ? (await trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', intoId)
      .where('article_id', 'in', articles).execute()).map((r) => r.article_id) : []);
    const gain = articles.filter((a) => !already.has(a));
    if (gain.length) await trx.insertInto('article_tags').values(gain.map((article_id) => ({ article_id, tag_id: intoId }))).execute();
    await trx.deleteFrom('article_tags').where('tag_id', '=', fromId).execute();
    await trx.deleteFrom('tags').where('id', '=', fromId).execute();
    await pointTagAddress(trx, from.slug, into.slug, ctx.clock.now(), actor);
    return gain.length;
  });
  // Pages showing either tag (the two tag pages, the articles that carried the old one) are purged; search re-reads
  // the target's articles.
  await ctx.events.emit('content.changed', { kind: 'tag', id: fromId });
  await ctx.events.emit('content.changed', { kind: 'tag', id: intoId });
  return moved;
}

/** Merging or deleting a tag changes every article that carries it: a writer may do it only when each of them is
 *  one they may change themselves. */
async function mayRetag(ctx: AppContext, tagId: number, actor: Actor, what: 'merge' | 'delete'): Promise<void> {
  const carrying = (await ctx.db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).execute()).map((r) => r.article_id);
  const beyond = await articlesBeyond(ctx.db, actor, carrying);
  if (beyond) {
    throw new ForbiddenError(`This tag is on ${beyond === 1 ? 'an article' : `${beyond} articles`} you may not change; ask an editor to ${what} it`);
  }
}

export async function deleteTag(ctx: AppContext, id: number, actor: Actor): Promise<void> {
  await mayRetag(ctx, id, actor, 'delete');
  await removeRow(ctx.db, 'tags', id, 'Tag');
  await ctx.events.emit('content.changed', { kind: 'tag', id });
}

/** Ids of the named tags (names matched by slug), creating the missing ones when `create`; otherwise a missing
 *  one is refused with a field error naming it. */
export async function ensureTags(ctx: AppContext, names: string[], create = true): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of names) {
    const name = requiredText('tags', raw, 60);
    const slug = slugify(name);
    if (!slug) throw new ValidationError('tags', `tag "${name}" has no letters or digits`);
    const found = await getTagBySlug(ctx.db, slug);
    if (!found && !create) throw new ValidationError('tags', `There is no tag "${name}"; only someone who manages tags can add a new one`);
    const id = found ? found.id : await createTag(ctx, { name, slug }).catch(async (err) => {
      // Another request created it in between: use theirs.
      const again = await getTagBySlug(ctx.db, slug);
      if (again) return again.id;
      throw err;
    });
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

// Tags: free labels on articles, created on first use.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
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

export async function updateTag(ctx: AppContext, id: number, patch: Partial<TagInput>): Promise<void> {
  const set: { name?: string; slug?: string } = {};
  if (patch.name !== undefined) set.name = requiredText('name', patch.name, 60);
  if (patch.slug !== undefined) set.slug = slugFrom('slug', patch.slug, set.name ?? '');
  await requireRow(ctx.db, 'tags', id, 'Tag');
  if (Object.keys(set).length) await saveUnique('tag', 'slug', () => ctx.db.updateTable('tags').set(set).where('id', '=', id).execute());
  await ctx.events.emit('content.changed', { kind: 'tag', id });
}

export async function deleteTag(ctx: AppContext, id: number): Promise<void> {
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

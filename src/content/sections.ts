// Sections of the site ("Immigration News", "World News"), ordered, optionally nested one level.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { optionalId, optionalText, requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
import { Described as d, Int, NullableId, Optional, Strict, Text, type Static } from './input_kit.ts';

/** What a newsroom sends to create a section (a change sends any of it). */
export const SectionFields = Strict({
  name: d('The section\'s name, as in the site\'s menu.', Text(80)),
  slug: Optional(d('The last part of its address; made from the name when not given; unique.', Text(200))),
  description: Optional(d('A line shown on the section\'s page.', Text(500))),
  position: Optional(d('Order in the menu: lower comes first.', Int(-100000, 100000))),
  parentId: Optional(d('The parent section\'s id, or null for a top-level section.', NullableId)),
});
export type SectionInput = Static<typeof SectionFields>;

function check(input: Partial<SectionInput>, partial: boolean) {
  const out: Record<string, unknown> = {};
  if (!partial || input.name !== undefined) out.name = requiredText('name', input.name, 80);
  if (!partial || input.slug !== undefined) out.slug = slugFrom('slug', input.slug, String(out.name ?? input.name ?? ''));
  if (input.description !== undefined || !partial) out.description = optionalText('description', input.description, 500);
  if (input.position !== undefined) {
    if (!Number.isInteger(input.position)) throw new ValidationError('position', 'position must be a whole number');
    out.position = input.position;
  }
  if (input.parentId !== undefined) out.parent_id = optionalId('parentId', input.parentId);
  return out;
}

export async function listSections(db: Db) {
  return db.selectFrom('sections').selectAll().orderBy('position').orderBy('name').execute();
}

export async function getSection(db: Db, id: number) {
  return (await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getSectionBySlug(db: Db, slug: string) {
  return (await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function createSection(ctx: AppContext, input: SectionInput): Promise<number> {
  const v = check(input, false);
  await checkParent(ctx.db, null, v.parent_id);
  const { id } = await saveUnique('section', 'slug', () => ctx.db.insertInto('sections').values({
    name: v.name as string, slug: v.slug as string, description: (v.description as string) ?? '',
    position: (v.position as number) ?? 0, parent_id: (v.parent_id as number | null) ?? null,
    created_at: ctx.clock.now().toISOString(),
  }).returning('id').executeTakeFirstOrThrow());
  await ctx.events.emit('section.changed', { sectionId: id });
  return id;
}

/** Sections nest one level: the parent must exist and be top-level, and a section with sections under it stays
 * top-level itself. */
async function checkParent(db: Db, id: number | null, parentId: unknown): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  if (parentId === id) throw new ValidationError('parentId', 'a section cannot be its own parent');
  const parent = await getSection(db, parentId as number);
  if (!parent) throw new ValidationError('parentId', 'parentId names no section');
  if (parent.parent_id !== null) throw new ValidationError('parentId', `${parent.name} is itself under another section; sections nest one level`);
  if (id !== null && (await db.selectFrom('sections').select('id').where('parent_id', '=', id).executeTakeFirst())) {
    throw new ValidationError('parentId', 'this section has sections under it, so it stays at the top level');
  }
}

export async function updateSection(ctx: AppContext, id: number, patch: Partial<SectionInput>): Promise<void> {
  const v = check(patch, true);
  await requireRow(ctx.db, 'sections', id, 'Section');
  await checkParent(ctx.db, id, v.parent_id);
  if (Object.keys(v).length) await saveUnique('section', 'slug', () => ctx.db.updateTable('sections').set(v).where('id', '=', id).execute());
  await ctx.events.emit('section.changed', { sectionId: id });
}

/** Deletes a section; its articles stay, without a section. */
export async function deleteSection(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'sections', id, 'Section');
  await ctx.events.emit('section.changed', { sectionId: id });
}

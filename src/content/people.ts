// People who write for the newsroom: the names in bylines and the author bio boxes.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { optionalId, optionalText, requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
import { Described as d, NullableId, NullableText, Optional, Strict, Text, type Static } from './input_kit.ts';

/** What a newsroom sends to create a person (a change sends any of it). */
export const PersonFields = Strict({
  name: d('The name in bylines.', Text(100)),
  slug: Optional(d('The last part of the author page\'s address; made from the name when not given; unique.', Text(200))),
  bio: Optional(d('A short biography for the author page and bio box (plain text).', Text(2000))),
  roleLabel: Optional(d('What they do, e.g. "Kabul correspondent".', Text(100))),
  photoMediaId: Optional(d('A portrait\'s media id, or null.', NullableId)),
  email: Optional(d('A contact address, or null (never shown on the site).', NullableText(254))),
});
export type PersonInput = Static<typeof PersonFields>;

function check(input: Partial<PersonInput>, partial: boolean) {
  const out: Record<string, unknown> = {};
  if (!partial || input.name !== undefined) out.name = requiredText('name', input.name, 100);
  if (!partial || input.slug !== undefined) out.slug = slugFrom('slug', input.slug, String(out.name ?? ''));
  if (!partial || input.bio !== undefined) out.bio = optionalText('bio', input.bio, 2000);
  if (!partial || input.roleLabel !== undefined) out.role_label = optionalText('roleLabel', input.roleLabel, 100);
  if (input.photoMediaId !== undefined) out.photo_media_id = optionalId('photoMediaId', input.photoMediaId);
  if (input.email !== undefined) {
    const e = optionalText('email', input.email, 254);
    if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new ValidationError('email', 'email is not a valid address');
    out.email = e || null;
  }
  return out;
}

export async function listPeople(db: Db) {
  return db.selectFrom('people').selectAll().orderBy('name').execute();
}

export async function getPerson(db: Db, id: number) {
  return (await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getPersonBySlug(db: Db, slug: string) {
  return (await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function createPerson(ctx: AppContext, input: PersonInput): Promise<number> {
  const v = check(input, false);
  const { id } = await saveUnique('person', 'slug', () => ctx.db.insertInto('people').values({
    name: v.name as string, slug: v.slug as string, bio: v.bio as string, role_label: v.role_label as string,
    photo_media_id: (v.photo_media_id as number | null) ?? null, email: (v.email as string | null) ?? null,
    created_at: ctx.clock.now().toISOString(),
  }).returning('id').executeTakeFirstOrThrow());
  return id;
}

export async function updatePerson(ctx: AppContext, id: number, patch: Partial<PersonInput>): Promise<void> {
  const v = check(patch, true);
  await requireRow(ctx.db, 'people', id, 'Person');
  if (Object.keys(v).length) await saveUnique('person', 'slug', () => ctx.db.updateTable('people').set(v).where('id', '=', id).execute());
  await ctx.events.emit('content.changed', { kind: 'person', id });
}

/** Deletes a person; their bylines disappear from articles, the articles stay. */
export async function deletePerson(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'people', id, 'Person');
  await ctx.events.emit('content.changed', { kind: 'person', id });
}

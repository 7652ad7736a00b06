// People who write for the newsroom: the names in bylines and the author bio boxes.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { optionalId, optionalText, requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
import { Described as d, NullableId, NullableText, Optional, Strict, Text, Type, type Static } from './input_kit.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** What a newsroom sends to create a person (a change sends any of it). */
export const PersonFields = Strict({
  name: d('The name in bylines.', Text(100)),
  slug: Optional(d('The last part of the author page\'s address; made from the name when not given; unique.', Text(200))),
  bio: Optional(d('A short biography for the author page and bio box (plain text).', Text(2000))),
  roleLabel: Optional(d('What they do, e.g. "Kabul correspondent".', Text(100))),
  photoMediaId: Optional(d('A portrait\'s media id, or null.', NullableId)),
  email: Optional(d('A contact address, or null (never shown on the site).', NullableText(254))),
  names: Optional(d('The name as written in each of the site\'s other languages, e.g. {"fa": "فریده نوری"}: bylines of stories in that language show it (the name above where none is given; an empty one removes it).',
    Type.Record(Type.String({ enum: [...LANGUAGES] }), Type.String({ maxLength: 100 }), { maxProperties: LANGUAGES.length }))),
});
export type PersonInput = Static<typeof PersonFields>;

function check(input: Partial<PersonInput>, partial: boolean) {
  const out: Record<string, unknown> = {};
  if (!partial || input.name !== undefined) out.name = requiredText('name', input.name, 100);
  if (!partial || input.slug !== undefined) out.slug = slugFrom('slug', input.slug, String(out.name ?? ''));
  if (!partial || input.bio !== undefined) out.bio = optionalText('bio', input.bio, 2000);
  if (!partial || input.roleLabel !== undefined) out.role_label = optionalText('roleLabel', input.roleLabel, 100);
  if (input.photoMediaId !== undefined) out.photo_media_id = optionalId('photoMediaId', input.photoMediaId);
  if (input.names !== undefined) out.names = JSON.stringify(namesOf(input.names));
  if (input.email !== undefined) {
    const e = optionalText('email', input.email, 254);
    if (e && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) throw new ValidationError('email', 'email is not a valid address');
    out.email = e || null;
  }
  return out;
}

/** The names by language, checked: known languages, at most 100 characters, blanks dropped. */
function namesOf(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ValidationError('names', 'names must be an object keyed by language');
  const out: Record<string, string> = {};
  for (const [lang, name] of Object.entries(v as Record<string, unknown>)) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new ValidationError('names', `names: ${lang.slice(0, 20)} is not one of ${LANGUAGES.join(', ')}`);
    if (typeof name !== 'string' || name.length > 100) throw new ValidationError('names', `names.${lang} must be text of at most 100 characters`);
    if (name.trim()) out[lang] = name.trim();
  }
  return out;
}

/** A person row as the API and pages read it: names by language parsed. */
function withNames<T extends { names: string }>(row: T): Omit<T, 'names'> & { names: Record<string, string> } {
  let names: Record<string, string> = {};
  try {
    names = JSON.parse(row.names) as Record<string, string>;
  } catch {
    // a row written by hand with broken JSON reads as having no other names
  }
  return { ...row, names };
}

export async function listPeople(db: Db) {
  return (await db.selectFrom('people').selectAll().orderBy('name').execute()).map(withNames);
}

export async function getPerson(db: Db, id: number) {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? withNames(row) : null;
}

export async function getPersonBySlug(db: Db, slug: string) {
  const row = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? withNames(row) : null;
}

export async function createPerson(ctx: AppContext, input: PersonInput): Promise<number> {
  const v = check(input, false);
  const { id } = await saveUnique('person', 'slug', () => ctx.db.insertInto('people').values({
    name: v.name as string, slug: v.slug as string, bio: v.bio as string, role_label: v.role_label as string,
    photo_media_id: (v.photo_media_id as number | null) ?? null, email: (v.email as string | null) ?? null,
    names: (v.names as string | undefined) ?? '{}', created_at: ctx.clock.now().toISOString(),
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

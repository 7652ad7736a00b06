// What an import writes into the content tables, in the item's own transaction (src/importers calls these): old
// addresses as redirects, people, sections and tags found by slug or added, and static pages.
import type { Db } from '../db/schema.ts';

/** Stores 301s from each old path to `to`; a path already taken (by another item or the newsroom) stays as it is.
 * Returns the paths that were already taken by something else, for the report. Two statements for all the paths. */
export async function storeRedirects(trx: Db, paths: string[], to: string, now: string): Promise<string[]> {
  const from = [...new Set(paths)].filter((p) => p !== to && p !== '/' && p.length <= 2000 && !/[\u0000-\u001f\u007f\s]/.test(p));
  if (!from.length) return [];
  await trx.insertInto('redirects').values(from.map((from_path) => ({ from_path, to_path: to, status_code: 301, created_at: now })))
    .onConflict((oc) => oc.column('from_path').doNothing()).execute();
  const elsewhere = await trx.selectFrom('redirects').select('from_path').where('from_path', 'in', from).where('to_path', '!=', to).execute();
  return elsewhere.map((r) => r.from_path);
}

/** The person with this slug, or a new one; their id. */
export async function ensurePerson(trx: Db, p: { slug: string; name: string; bio: string; createdAt: string }): Promise<number> {
  const existing = await trx.selectFrom('people').select('id').where('slug', '=', p.slug).executeTakeFirst();
  return existing?.id ?? (await trx.insertInto('people').values({
    slug: p.slug, name: p.name, bio: p.bio, role_label: '', photo_media_id: null, email: null, created_at: p.createdAt,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** The section with this slug, or a new one (`position`: 'last' puts it after every other, else at that place); its id. */
export async function ensureSection(trx: Db, s: { slug: string; name: string; description: string; parentId: number | null; position: number | 'last'; createdAt: string }): Promise<number> {
  const existing = await trx.selectFrom('sections').select('id').where('slug', '=', s.slug).executeTakeFirst();
  if (existing) return existing.id;
  const position = s.position === 'last' ? Number((await trx.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst())?.p ?? 0) + 1 : s.position;
  const { id } = await trx.insertInto('sections').values({
    slug: s.slug, name: s.name, description: s.description, position, parent_id: s.parentId, created_at: s.createdAt,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The tag with this slug, or a new one; its id. */
export async function ensureTag(trx: Db, slug: string, name: string): Promise<number> {
  const existing = await trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) return existing.id;
  return (await trx.insertInto('tags').values({ slug, name }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A section's parent, or null (for an old site's nested category addresses). */
export async function sectionParent(db: Db, id: number): Promise<number | null> {
  return (await db.selectFrom('sections').select(['parent_id']).where('id', '=', id).executeTakeFirst())?.parent_id ?? null;
}

/** A free /pages/ slug near `base` (-2, -3... when taken). */
export async function freePageSlug(trx: Db, base: string): Promise<string> {
  let slug = base;
  for (let n = 2; await trx.selectFrom('static_pages').select('id').where('slug', '=', slug).executeTakeFirst(); n++) slug = `${base}-${n}`;
  return slug;
}

/** Adds an imported static page; its id. */
export async function insertStaticPage(trx: Db, p: { slug: string; title: string; bodyHtml: string; language: string; published: boolean; createdAt: string; updatedAt: string; publishedAt: string | null }): Promise<number> {
  const { id } = await trx.insertInto('static_pages').values({
    slug: p.slug, title: p.title, body_html: p.bodyHtml, language: p.language, status: p.published ? 'published' : 'draft',
    created_at: p.createdAt, updated_at: p.updatedAt, published_at: p.publishedAt,
  }).returning('id').executeTakeFirstOrThrow();
  return id;
}

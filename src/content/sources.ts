// Syndication sources: partner outlets whose publisher box appears on the stories they supply.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isUniqueViolation, optionalId, optionalText, optionalUrl, requiredText, slugFrom } from './fields.ts';

export interface SourceInput {
  name: string;
  slug?: string;
  description?: string;
  siteUrl?: string;
  logoMediaId?: number | null;
  feedUrl?: string | null;
}

function check(input: Partial<SourceInput>, partial: boolean) {
  const out: Record<string, unknown> = {};
  if (!partial || input.name !== undefined) out.name = requiredText('name', input.name, 120);
  if (!partial || input.slug !== undefined) out.slug = slugFrom('slug', input.slug, String(out.name ?? ''));
  if (!partial || input.description !== undefined) out.description = optionalText('description', input.description, 500);
  if (!partial || input.siteUrl !== undefined) out.site_url = optionalUrl('siteUrl', input.siteUrl);
  if (input.logoMediaId !== undefined) out.logo_media_id = optionalId('logoMediaId', input.logoMediaId);
  if (input.feedUrl !== undefined) out.feed_url = optionalUrl('feedUrl', input.feedUrl) || null;
  return out;
}

export async function listSources(db: Db) {
  return db.selectFrom('sources').selectAll().orderBy('name').execute();
}

export async function getSource(db: Db, id: number) {
  return (await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function createSource(ctx: AppContext, input: SourceInput): Promise<number> {
  const v = check(input, false);
  try {
    const { id } = await ctx.db.insertInto('sources').values({
      name: v.name as string, slug: v.slug as string, description: v.description as string, site_url: v.site_url as string,
      logo_media_id: (v.logo_media_id as number | null) ?? null, feed_url: (v.feed_url as string | null) ?? null,
      created_at: ctx.clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('A source with this slug already exists', 'slug');
    throw err;
  }
}

export async function updateSource(ctx: AppContext, id: number, patch: Partial<SourceInput>): Promise<void> {
  const v = check(patch, true);
  if (!(await getSource(ctx.db, id))) throw new NotFoundError('Source not found');
  if (!Object.keys(v).length) return;
  try {
    await ctx.db.updateTable('sources').set(v).where('id', '=', id).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('A source with this slug already exists', 'slug');
    throw err;
  }
}

export async function deleteSource(ctx: AppContext, id: number): Promise<void> {
  const r = await ctx.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new NotFoundError('Source not found');
}

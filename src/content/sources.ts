// Syndication sources: partner outlets whose publisher box appears on the stories they supply.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { optionalId, optionalText, optionalUrl, requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
import { Described as d, NullableId, NullableText, Optional, Strict, Text, type Static } from './input_kit.ts';

/** What a newsroom sends to create a syndication source (a change sends any of it). */
export const SourceFields = Strict({
  name: d('The source\'s name, credited on republished articles.', Text(120)),
  slug: Optional(d('A short unique name; made from the name when not given.', Text(200))),
  description: Optional(d('A line about the source.', Text(500))),
  siteUrl: Optional(d('The source\'s website (http or https).', Text(2000))),
  logoMediaId: Optional(d('The source\'s logo\'s media id, or null.', NullableId)),
  feedUrl: Optional(d('The source\'s feed address, or null.', NullableText(2000))),
});
export type SourceInput = Static<typeof SourceFields>;

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
  const { id } = await saveUnique('source', 'slug', () => ctx.db.insertInto('sources').values({
    name: v.name as string, slug: v.slug as string, description: v.description as string, site_url: v.site_url as string,
    logo_media_id: (v.logo_media_id as number | null) ?? null, feed_url: (v.feed_url as string | null) ?? null,
    created_at: ctx.clock.now().toISOString(),
  }).returning('id').executeTakeFirstOrThrow());
  return id;
}

export async function updateSource(ctx: AppContext, id: number, patch: Partial<SourceInput>): Promise<void> {
  const v = check(patch, true);
  await requireRow(ctx.db, 'sources', id, 'Source');
  if (Object.keys(v).length) await saveUnique('source', 'slug', () => ctx.db.updateTable('sources').set(v).where('id', '=', id).execute());
  await ctx.events.emit('content.changed', { kind: 'source', id });
}

export async function deleteSource(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'sources', id, 'Source');
  await ctx.events.emit('content.changed', { kind: 'source', id });
}

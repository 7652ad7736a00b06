// Syndication sources: partner outlets whose publisher box appears on the stories they supply.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { optionalId, optionalText, optionalUrl, requiredText, slugFrom } from './fields.ts';
import { removeRow, requireRow, saveUnique } from './rows.ts';
import { Bool, Described as d, Int, ListOf, NullableId, NullableText, OneOf, Optional, Strict, Text, Type, type Static } from './input_kit.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** A per-source classification rule: a story mentioning any of `words` goes to `section` (a section slug). */
const Rule = Strict({
  words: d('Words; a story mentioning any of them goes to the section.', ListOf(Text(80, 1), 50)),
  section: d('The section\'s slug.', Text(200, 1)),
});

/** What a newsroom sends to create a syndication source (a change sends any of it). */
export const SourceFields = Strict({
  name: d('The source\'s name, credited on republished articles.', Text(120)),
  slug: Optional(d('A short unique name; made from the name when not given.', Text(200))),
  description: Optional(d('A line about the source, shown in its publisher box.', Text(500))),
  siteUrl: Optional(d('The source\'s website (http or https).', Text(2000))),
  logoMediaId: Optional(d('The source\'s logo\'s media id, or null.', NullableId)),
  feedUrl: Optional(d('The source\'s feed address (RSS, Atom or JSON Feed), or the address of a list page of its stories when it has no feed; or null.', NullableText(2000))),
  listSelector: Optional(d('For a list page: the CSS selector of its story links (or of the elements holding them); empty to let Khabar find them.', Text(300))),
  // How the partner's stories come in (src/syndication):
  language: Optional(d('The language of the source\'s stories.', OneOf(LANGUAGES))),
  autoPublish: Optional(d('Publish new stories at once (true) or file them for review (false).', Bool)),
  licence: Optional(d('The licence or agreement the stories come under, shown with them.', Text(1000))),
  sectionId: Optional(d('The section new stories go to when no category or rule says otherwise, or null.', NullableId)),
  categoryMap: Optional(d('The partner\'s category names mapped to our section slugs.', Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 200 }), { maxProperties: 200 }))),
  rules: Optional(d('Words that send a story to a section, tried in order.', ListOf(Rule, 100))),
  canonicalToOriginal: Optional(d('Point the canonical link of republished stories at the original (when the agreement asks).', Bool)),
  pollMinutes: Optional(d('Minutes between polls of the feed (5 to 10080).', Int(5, 10080))),
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
  if (input.listSelector !== undefined) out.list_selector = optionalText('listSelector', input.listSelector, 300);
  if (input.language !== undefined) out.language = input.language;
  if (input.autoPublish !== undefined) out.auto_publish = input.autoPublish ? 1 : 0;
  if (input.licence !== undefined) out.licence = optionalText('licence', input.licence, 1000);
  if (input.sectionId !== undefined) out.section_id = optionalId('sectionId', input.sectionId);
  if (input.categoryMap !== undefined) out.category_map = JSON.stringify(input.categoryMap);
  if (input.rules !== undefined) out.rules = JSON.stringify(input.rules);
  if (input.canonicalToOriginal !== undefined) out.canonical_to_original = input.canonicalToOriginal ? 1 : 0;
  if (input.pollMinutes !== undefined) out.poll_minutes = input.pollMinutes;
  // A changed feed starts afresh: old validators and back-off belong to the old address.
  if (out.feed_url !== undefined) Object.assign(out, { etag: null, last_modified: null, failures: 0, next_poll_at: null });
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
    ...v, name: v.name as string, slug: v.slug as string, description: v.description as string, site_url: v.site_url as string,
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

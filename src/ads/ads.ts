// House ads: slots on the page ("article-inline", "sidebar") and the creatives the newsroom rotates through them.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { optionalId, optionalText, optionalUrl, requiredText, slugFrom } from '../content/fields.ts';
import { removeRow, requireRow, saveUnique } from '../content/rows.ts';
import { Bool, Described as d, Id, Int, NullableId, NullableText, Optional, Strict, Text, Type, type Static } from '../content/input_kit.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** What a newsroom sends to create an ad slot (the key is made from the name when missing). */
export const SlotFields = Strict({
  key: Optional(d('The name templates place the slot by; made from the name when not given.', Text(80))),
  name: d('The slot\'s name for staff.', Text(80)),
  description: Optional(d('Where the slot shows, for staff.', Text(300))),
});
export type SlotInput = Static<typeof SlotFields>;

/** What a newsroom sends to create a creative (a change sends any of it). */
export const CreativeFields = Strict({
  slotId: d('The slot it shows in.', Id),
  name: d('The house ad\'s name for staff.', Text(120)),
  headline: Optional(d('Its headline.', Text(200))),
  body: Optional(d('Its line of text (plain).', Text(500))),
  linkUrl: Optional(d('Where a click leads (http or https).', Text(2000))),
  imageMediaId: Optional(d('Its image\'s media id, or null.', NullableId)),
  weight: Optional(d('How often it shows against the slot\'s other house ads (0: never).', Int(0, 1000))),
  startsAt: Optional(d('When it starts showing (ISO 8601), or null for now.', NullableText(40))),
  endsAt: Optional(d('When it stops showing (ISO 8601), or null for never.', NullableText(40))),
  active: Optional(d('Off pauses it without deleting it.', Bool)),
  language: Optional(d('The language it speaks (pages in that language show it), or null for any page without a house ad of its own language.',
    Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...LANGUAGES, null] }))),
});
export type CreativeInput = Static<typeof CreativeFields>;

function isoOrNull(field: string, v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  const d = typeof v === 'string' ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) throw new ValidationError(field, `${field} must be a date and time (ISO 8601)`);
  return d.toISOString();
}

export async function listSlots(db: Db) {
  return db.selectFrom('ad_slots').selectAll().orderBy('key').execute();
}

export async function createSlot(ctx: AppContext, input: SlotInput): Promise<number> {
  const name = requiredText('name', input.name, 80);
  const key = slugFrom('key', input.key, name);
  const { id } = await saveUnique('slot', 'key', () => ctx.db.insertInto('ad_slots')
    .values({ key, name, description: optionalText('description', input.description, 300) }).returning('id').executeTakeFirstOrThrow());
  await ctx.events.emit('ads.changed', {});
  return id;
}

export async function deleteSlot(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'ad_slots', id, 'Slot');
  await ctx.events.emit('ads.changed', {});
}

function checkCreative(input: Partial<CreativeInput>, partial: boolean) {
  const out: Record<string, unknown> = {};
  if (!partial || input.slotId !== undefined) {
    const slot = optionalId('slotId', input.slotId);
    if (!slot) throw new ValidationError('slotId', 'slotId is required');
    out.slot_id = slot;
  }
  if (!partial || input.name !== undefined) out.name = requiredText('name', input.name, 120);
  if (!partial || input.headline !== undefined) out.headline = optionalText('headline', input.headline, 200);
  if (!partial || input.body !== undefined) out.body = optionalText('body', input.body, 500);
  if (!partial || input.linkUrl !== undefined) {
    const url = optionalText('linkUrl', input.linkUrl, 2000);
    // A path on this site: one slash, then no second slash or backslash (browsers read "//x" and "/\\x" as the
    // host x, WHATWG URL), and no backslash or space anywhere (tabs and newlines are dropped by browsers too).
    out.link_url = url.startsWith('/') ? sitePath(url) : optionalUrl('linkUrl', url);
  }
  if (input.imageMediaId !== undefined) out.image_media_id = optionalId('imageMediaId', input.imageMediaId);
  if (input.weight !== undefined) {
    if (!Number.isInteger(input.weight) || input.weight < 0 || input.weight > 1000) throw new ValidationError('weight', 'weight must be a whole number from 0 to 1000');
    out.weight = input.weight;
  }
  if (input.startsAt !== undefined) out.starts_at = isoOrNull('startsAt', input.startsAt);
  if (input.endsAt !== undefined) out.ends_at = isoOrNull('endsAt', input.endsAt);
  if (out.starts_at && out.ends_at && (out.ends_at as string) <= (out.starts_at as string)) throw new ValidationError('endsAt', 'endsAt must be after startsAt');
  if (input.active !== undefined) {
    if (typeof input.active !== 'boolean') throw new ValidationError('active', 'active must be true or false');
    out.active = input.active ? 1 : 0;
  }
  if (input.language !== undefined) {
    if (input.language !== null && !(LANGUAGES as readonly unknown[]).includes(input.language)) throw new ValidationError('language', `language must be one of ${LANGUAGES.join(', ')}, or null`);
    out.language = input.language;
  }
  if (!partial && !out.headline && !out.image_media_id) throw new ValidationError('headline', 'a creative needs a headline or an image');
  return out;
}

export async function listCreatives(db: Db, slotId?: number) {
  let q = db.selectFrom('ad_creatives').selectAll().orderBy('id');
  if (slotId) q = q.where('slot_id', '=', slotId);
  return q.execute();
}

export async function createCreative(ctx: AppContext, input: CreativeInput): Promise<number> {
  const v = checkCreative(input, false);
  if (!(await ctx.db.selectFrom('ad_slots').select('id').where('id', '=', v.slot_id as number).executeTakeFirst())) throw new ValidationError('slotId', 'slotId names no slot');
  const { id } = await ctx.db.insertInto('ad_creatives').values({
    slot_id: v.slot_id as number, name: v.name as string, headline: v.headline as string, body: v.body as string, link_url: v.link_url as string,
    image_media_id: (v.image_media_id as number | null) ?? null, weight: (v.weight as number) ?? 1, starts_at: (v.starts_at as string | null) ?? null,
    ends_at: (v.ends_at as string | null) ?? null, active: (v.active as number) ?? 1, language: (v.language as string | null) ?? null, created_at: ctx.clock.now().toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  await ctx.events.emit('ads.changed', {});
  return id;
}

export async function updateCreative(ctx: AppContext, id: number, patch: Partial<CreativeInput>): Promise<void> {
  const v = checkCreative(patch, true);
  await requireRow(ctx.db, 'ad_creatives', id, 'Creative');
  if (Object.keys(v).length) await ctx.db.updateTable('ad_creatives').set(v).where('id', '=', id).execute();
  await ctx.events.emit('ads.changed', {});
}

export async function deleteCreative(ctx: AppContext, id: number): Promise<void> {
  await removeRow(ctx.db, 'ad_creatives', id, 'Creative');
  await ctx.events.emit('ads.changed', {});
}

/** Creatives of a slot that may run at `now`: active, weight > 0, inside their start/end dates. Given a page's
 * language, those speaking it, or when it has none the language-neutral ones. */
export async function runningCreatives(db: Db, slotKey: string, now: Date, language?: string) {
  const at = now.toISOString();
  const running = await db.selectFrom('ad_creatives').innerJoin('ad_slots', 'ad_slots.id', 'ad_creatives.slot_id')
    .selectAll('ad_creatives').where('ad_slots.key', '=', slotKey).where('ad_creatives.active', '=', 1).where('ad_creatives.weight', '>', 0)
    .where((eb) => eb.or([eb('ad_creatives.starts_at', 'is', null), eb('ad_creatives.starts_at', '<=', at)]))
    .where((eb) => eb.or([eb('ad_creatives.ends_at', 'is', null), eb('ad_creatives.ends_at', '>', at)]))
    .orderBy('ad_creatives.id').execute();
  if (language === undefined) return running;
  const own = running.filter((c) => c.language === language);
  return own.length ? own : running.filter((c) => c.language === null);
}

/** Picks one running creative for the slot (of the page's language when given), with probability proportional
 * to its weight; null if none. */
export async function pickCreative(db: Db, slotKey: string, now: Date, random: () => number = Math.random, language?: string) {
  const list = await runningCreatives(db, slotKey, now, language);
  const total = list.reduce((s, c) => s + c.weight, 0);
  if (!total) return null;
  let r = random() * total;
  for (const c of list) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return list[list.length - 1];
}

function sitePath(url: string): string {
  if (!/^\/(?![/\\])[^\\\s]*$/.test(url)) throw new ValidationError('linkUrl', 'linkUrl must be a path on this site (like /about) or an http(s) address');
  return url;
}

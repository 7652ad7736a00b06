// Lists: each with a name and description per language, the language its letters are written in, optionally the
// sections its digest draws from, and its digest schedule. A list not marked public is left off the sign-up form.
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError, ConflictError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { getSettings } from '../content/settings.ts';
import { listSections } from '../content/sections.ts';
import type { DigestEvery, NewsletterListsTable, SubscriptionStatus } from './tables.ts';
import { nextDigestAt } from './schedule.ts';
import type { Selectable } from 'kysely';

export interface NewsletterList {
  id: number;
  slug: string;
  language: string;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  sectionIds: number[];
  public: boolean;
  digest: DigestEvery;
  digestTime: string;
  digestWeekday: number;
  lastDigestAt: string | null;
  nextDigestAt: string | null;
}

export interface ListInput {
  slug?: unknown; language?: unknown; names?: unknown; descriptions?: unknown; sectionIds?: unknown; public?: unknown;
  digest?: unknown; digestTime?: unknown; digestWeekday?: unknown;
}

export function listOf(r: Selectable<NewsletterListsTable>): NewsletterList {
  return {
    id: r.id, slug: r.slug, language: r.language, names: JSON.parse(r.names), descriptions: JSON.parse(r.descriptions), sectionIds: JSON.parse(r.section_ids),
    public: !!r.public, digest: r.digest, digestTime: r.digest_time, digestWeekday: r.digest_weekday, lastDigestAt: r.last_digest_at, nextDigestAt: r.next_digest_at,
  };
}

/** A list's name in a language: its own name there, else the one in the list's language. */
export function listName(list: Pick<NewsletterList, 'names' | 'language' | 'slug'>, lang: string): string {
  return list.names[lang] || list.names[list.language] || Object.values(list.names)[0] || list.slug;
}

function texts(field: string, v: unknown, max: number, required: boolean): Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ValidationError(field, `${field} must map languages to text`);
  const out: Record<string, string> = {};
  for (const [k, t] of Object.entries(v)) {
    if (!(LANGUAGES as readonly string[]).includes(k)) throw new ValidationError(field, `${field}: ${k} is not one of ${LANGUAGES.join(', ')}`);
    if (typeof t !== 'string' || t.length > max || /[\r\n]/.test(t) && max <= 100) throw new ValidationError(field, `${field}.${k} must be one line of at most ${max} characters`);
    if (t.trim()) out[k] = t.trim();
  }
  if (required && !Object.keys(out).length) throw new ValidationError(field, `${field} needs the list's name in at least one language`);
  return out;
}

async function readInput(ctx: AppContext, input: ListInput, current: NewsletterList | null) {
  const get = <K extends keyof ListInput>(k: K) => (input[k] !== undefined ? input[k] : undefined);
  const slug = get('slug') ?? current?.slug;
  if (typeof slug !== 'string' || !/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug)) throw new ValidationError('slug', 'slug must be 1 to 60 lower-case letters, digits and hyphens');
  const language = get('language') ?? current?.language;
  if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language)) throw new ValidationError('language', `language must be one of ${LANGUAGES.join(', ')}`);
  const names = get('names') !== undefined ? texts('names', get('names'), 100, true) : current?.names;
  if (!names) throw new ValidationError('names', 'names needs the list\'s name in at least one language');
  const descriptions = get('descriptions') !== undefined ? texts('descriptions', get('descriptions'), 500, false) : current?.descriptions ?? {};
  const sectionIds = get('sectionIds') ?? current?.sectionIds ?? [];
  if (!Array.isArray(sectionIds) || sectionIds.length > 100 || !sectionIds.every((n) => Number.isInteger(n) && n > 0)) throw new ValidationError('sectionIds', 'sectionIds must be a list of section ids');
  const known = new Set((await listSections(ctx.db)).map((s) => s.id));
  const unknown = (sectionIds as number[]).find((id) => !known.has(id));
  if (unknown !== undefined) throw new ValidationError('sectionIds', `There is no section ${unknown}`);
  const isPublic = get('public') ?? current?.public ?? true;
  if (typeof isPublic !== 'boolean') throw new ValidationError('public', 'public must be true or false');
  const digest = (get('digest') ?? current?.digest ?? 'off') as DigestEvery;
  if (digest !== 'off' && digest !== 'daily' && digest !== 'weekly') throw new ValidationError('digest', 'digest must be off, daily or weekly');
  const digestTime = get('digestTime') ?? current?.digestTime ?? '07:00';
  if (typeof digestTime !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(digestTime)) throw new ValidationError('digestTime', 'digestTime must be HH:MM (24-hour, the site\'s time zone)');
  const digestWeekday = get('digestWeekday') ?? current?.digestWeekday ?? 1;
  if (!Number.isInteger(digestWeekday) || (digestWeekday as number) < 0 || (digestWeekday as number) > 6) throw new ValidationError('digestWeekday', 'digestWeekday must be 0 (Sunday) to 6 (Saturday)');
  const site = await getSettings(ctx.db);
  const next = nextDigestAt(digest, digestTime, digestWeekday as number, site.timeZone, ctx.clock.now());
  return {
    slug, language, names: JSON.stringify(names), descriptions: JSON.stringify(descriptions), section_ids: JSON.stringify(sectionIds), public: isPublic ? 1 : 0,
    digest, digest_time: digestTime, digest_weekday: digestWeekday as number, next_digest_at: next ? next.toISOString() : null,
  };
}

export async function listLists(db: Db): Promise<NewsletterList[]> {
  return (await db.selectFrom('newsletter_lists').selectAll().orderBy('id').execute()).map(listOf);
}

/** The lists offered on the public form in a language: those written in it first, then the others. */
export async function publicLists(db: Db, lang: string): Promise<NewsletterList[]> {
  const all = (await listLists(db)).filter((l) => l.public);
  return [...all.filter((l) => l.language === lang), ...all.filter((l) => l.language !== lang)];
}

export async function getList(db: Db, id: number): Promise<NewsletterList> {
  const r = await db.selectFrom('newsletter_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('No such newsletter list');
  return listOf(r);
}

export async function createList(ctx: AppContext, input: ListInput): Promise<NewsletterList> {
  const values = await readInput(ctx, input, null);
  const taken = await ctx.db.selectFrom('newsletter_lists').select('id').where('slug', '=', values.slug).executeTakeFirst();
  if (taken) throw new ConflictError('Another list already has that slug', 'slug');
  const { id } = await ctx.db.insertInto('newsletter_lists').values({ ...values, last_digest_at: ctx.clock.now().toISOString(), created_at: ctx.clock.now().toISOString() })
    .returning('id').executeTakeFirstOrThrow();
  await ctx.events.emit('newsletters.changed', { listId: id });
  return getList(ctx.db, id);
}

export async function updateList(ctx: AppContext, id: number, input: ListInput): Promise<NewsletterList> {
  const current = await getList(ctx.db, id);
  const values = await readInput(ctx, input, current);
  const taken = await ctx.db.selectFrom('newsletter_lists').select('id').where('slug', '=', values.slug).where('id', '!=', id).executeTakeFirst();
  if (taken) throw new ConflictError('Another list already has that slug', 'slug');
  await ctx.db.updateTable('newsletter_lists').set(values).where('id', '=', id).execute();
  await ctx.events.emit('newsletters.changed', { listId: id });
  return getList(ctx.db, id);
}

/** Deletes a list with its subscriptions and sends (readers on other lists stay). */
export async function deleteList(ctx: AppContext, id: number): Promise<void> {
  await getList(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    const sends = trx.selectFrom('newsletter_sends').select('id').where('list_id', '=', id);
    await trx.deleteFrom('newsletter_send_log').where('send_id', 'in', sends).execute();
    await trx.deleteFrom('newsletter_clicks').where('send_id', 'in', sends).execute();
    await trx.deleteFrom('newsletter_sends').where('list_id', '=', id).execute();
    await trx.deleteFrom('newsletter_subscriptions').where('list_id', '=', id).execute();
    await trx.deleteFrom('newsletter_lists').where('id', '=', id).execute();
  });
  await ctx.events.emit('newsletters.changed', { listId: id });
}

/** Readers of each list by status. */
export async function listCounts(db: Db): Promise<Record<number, Record<SubscriptionStatus, number>>> {
  const rows = await db.selectFrom('newsletter_subscriptions').select(['list_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['list_id', 'status']).execute();
  const out: Record<number, Record<SubscriptionStatus, number>> = {};
  for (const r of rows) (out[r.list_id] ??= { pending: 0, subscribed: 0, unsubscribed: 0 })[r.status] = Number(r.n);
  return out;
}

/** What the sign-up boxes on pages show changes with the lists: their stamp for the static export. */
export async function listsStamp(db: Db): Promise<string> {
  const rows = await db.selectFrom('newsletter_lists').selectAll().orderBy('id').execute();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

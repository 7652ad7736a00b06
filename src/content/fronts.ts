// Curated fronts: on a language's home page and on each section's page in a language, an editor chooses the lead
// and the top stories, in order, each pinned until a time or until removed. A front without a choice fills itself
// with the newest stories; a pinned story keeps its place whatever is published after it until its pin ends.
// Ended pins are cleared by the job runner (endFinishedPins), which tells the page cache through the event bus.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { publishedCards, type ArticleCard } from './reading.ts';
import { getSettings } from './settings.ts';
import { Described as d, DateTime, Id, ListOf, Strict, Type, type Static } from './input_kit.ts';

/** How many top stories a front takes besides its lead (the home page's two secondary stories and latest rail). */
export const MAX_TOP = 7;

/** Which front: a language's home page, or a section's page in a language. */
export type FrontKey = { kind: 'home'; language: string } | { kind: 'section'; sectionId: number; language: string };

/** 'home:en', 'section:3:fa': the front's name in the database, the API's paths and the page cache's tags. */
export function frontName(f: FrontKey): string {
  return f.kind === 'home' ? `home:${f.language}` : `section:${f.sectionId}:${f.language}`;
}

/** Reads a front's name; throws a ValidationError for anything else. */
export function parseFront(name: string): FrontKey {
  const home = /^home:([a-z]{2})$/.exec(name);
  if (home && (LANGUAGES as readonly string[]).includes(home[1])) return { kind: 'home', language: home[1] };
  const section = /^section:([1-9]\d{0,9}):([a-z]{2})$/.exec(name);
  if (section && (LANGUAGES as readonly string[]).includes(section[2])) return { kind: 'section', sectionId: Number(section[1]), language: section[2] };
  throw new ValidationError('front', 'front must be home:<language> or section:<section id>:<language>, e.g. home:en or section:3:fa');
}

/** One pinned story as an editor sends it: the article and when its pin ends (null: until removed). */
const PinInput = Strict({
  articleId: d('The published article to pin.', Id),
  until: d('When the pin ends (ISO 8601), or null to keep it until it is removed.', Type.Union([DateTime, Type.Null()])),
});

/** What an editor sends to set a front: the lead (or null for the newest story with a picture) and the top stories in order. */
export const FrontFields = Strict({
  lead: d('The lead story, or null to let the front choose its lead.', Type.Union([PinInput, Type.Null()])),
  top: d(`The top stories in order (at most ${MAX_TOP}); the front fills the rest with the newest stories.`, ListOf(PinInput, MAX_TOP)),
});
export type FrontInput = Static<typeof FrontFields>;

export interface Pin {
  articleId: number;
  place: 'lead' | 'top';
  position: number;
  until: string | null;
  headline: string;
  status: string;
  language: string;
  hasPicture: boolean;
}

/** A front as the newsroom sees it: its pins, including ended ones not yet cleared and stories no longer published. */
export async function frontPins(db: Db, front: string): Promise<Pin[]> {
  const rows = await db.selectFrom('front_pins').innerJoin('articles', 'articles.id', 'front_pins.article_id')
    .select(['front_pins.article_id', 'front_pins.place', 'front_pins.position', 'front_pins.pinned_until', 'articles.headline', 'articles.status',
      'articles.language', 'articles.hero_media_id'])
    .where('front_pins.front', '=', front).orderBy('front_pins.place').orderBy('front_pins.position').execute();
  return rows.map((r) => ({
    articleId: r.article_id, place: r.place, position: r.position, until: r.pinned_until, headline: r.headline, status: r.status, language: r.language,
    hasPicture: r.hero_media_id !== null,
  }));
}

/** The number of pins on each front that has any. */
export async function pinCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('front_pins').select(['front', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('front').execute();
  return new Map(rows.map((r) => [r.front, Number(r.n)]));
}

/** Replaces a front's pins with the editor's choice in one transaction; emits front.changed. */
export async function setFront(ctx: AppContext, front: string, input: FrontInput, actor: { userId: number | null }): Promise<void> {
  const key = parseFront(front);
  await checkFrontExists(ctx.db, key);
  const now = ctx.clock.now();
  const wanted = [...(input.lead ? [{ ...input.lead, place: 'lead' as const }] : []), ...input.top.map((p) => ({ ...p, place: 'top' as const }))];
  if (input.top.length > MAX_TOP) throw new ValidationError('top', `a front takes at most ${MAX_TOP} top stories`);
  const seen = new Set<number>();
  for (const [i, p] of wanted.entries()) {
    const field = p.place === 'lead' ? 'lead' : `top.${i - (input.lead ? 1 : 0)}`;
    if (seen.has(p.articleId)) throw new ValidationError(field, 'a story can be on a front only once');
    seen.add(p.articleId);
    if (p.until !== null) {
      const t = Date.parse(p.until);
      if (Number.isNaN(t)) throw new ValidationError(field, 'until must be a date and time');
      if (t <= now.getTime()) throw new ValidationError(field, 'until must be in the future');
    }
  }
  const articles = seen.size ? await ctx.db.selectFrom('articles').select(['id', 'status', 'headline']).where('id', 'in', [...seen]).execute() : [];
  for (const [i, p] of wanted.entries()) {
    const field = p.place === 'lead' ? 'lead' : `top.${i - (input.lead ? 1 : 0)}`;
    const a = articles.find((x) => x.id === p.articleId);
    if (!a) throw new ValidationError(field, `there is no article ${p.articleId}`);
    if (a.status !== 'published') throw new ValidationError(field, `“${a.headline}” is not published: only published stories go on a front`);
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('front_pins').where('front', '=', front).execute();
    if (wanted.length) {
      await tx.insertInto('front_pins').values(wanted.map((p, i) => ({
        front, article_id: p.articleId, place: p.place, position: p.place === 'lead' ? 0 : i, pinned_until: p.until === null ? null : new Date(p.until).toISOString(),
        pinned_by: actor.userId, created_at: now.toISOString(),
      }))).execute();
    }
  });
  await ctx.events.emit('front.changed', { front });
}

/** A home front's language must be one the site publishes in; a section front's section must exist. */
async function checkFrontExists(db: Db, key: FrontKey): Promise<void> {
  const settings = await getSettings(db);
  const published = [settings.language, ...settings.languages];
  if (!published.includes(key.language)) throw new NotFoundError(`The site does not publish in ${key.language}`);
  if (key.kind === 'section' && !(await db.selectFrom('sections').select('id').where('id', '=', key.sectionId).executeTakeFirst())) {
    throw new NotFoundError('Section not found');
  }
}

/** What a front shows of its pins now: the lead and the top stories whose pin has not ended and that are published. */
export async function livePins(db: Db, front: string, now: Date): Promise<{ lead: ArticleCard | null; top: ArticleCard[] }> {
  const rows = await db.selectFrom('front_pins').select(['article_id', 'place', 'position']).where('front', '=', front)
    .where((eb) => eb.or([eb('pinned_until', 'is', null), eb('pinned_until', '>', now.toISOString())]))
    .orderBy('place').orderBy('position').execute();
  if (!rows.length) return { lead: null, top: [] };
  const cards = await publishedCards(db, rows.map((r) => r.article_id));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const leadRow = rows.find((r) => r.place === 'lead');
  return {
    lead: leadRow ? byId.get(leadRow.article_id) ?? null : null,
    top: rows.filter((r) => r.place === 'top').flatMap((r) => byId.get(r.article_id) ?? []),
  };
}

/** Clears the pins whose time has come and tells the fronts they were on (front.changed); the fronts' names. */
export async function endFinishedPins(ctx: AppContext): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const ended = await ctx.db.deleteFrom('front_pins').where('pinned_until', '<=', now).returning('front').execute();
  const fronts = [...new Set(ended.map((r) => r.front))];
  for (const front of fronts) await ctx.events.emit('front.changed', { front });
  return fronts;
}

/** A front's stories in order: the chosen lead (else the first of the newest, on a home page the newest with a picture),
 * the chosen top stories, then the newest. */
export function frontOrder<T extends { hero: unknown }>(pins: { lead: T | null; top: T[] }, newest: T[], pictureLead: boolean): T[] {
  const auto = pins.lead || !pictureLead ? newest : withPictureFirst(newest);
  return pins.lead ? [pins.lead, ...pins.top, ...auto] : [...auto.slice(0, 1), ...pins.top, ...auto.slice(1)];
}

/** The automatic order of a front's top: the lead is the newest story with a picture among the first ones (a story
 * without one is never drawn as a picture lead with a blank beside it); the others keep their newest-first order. */
function withPictureFirst<T extends { hero: unknown }>(stories: T[]): T[] {
  const i = stories.findIndex((s) => s.hero);
  return i <= 0 ? stories : [stories[i], ...stories.slice(0, i), ...stories.slice(i + 1)];
}

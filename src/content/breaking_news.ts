// The breaking-news strip: per language, a line and a link shown at the top of every page in that language until
// its end time. Setting or removing it emits breaking.changed (the page cache purges that language's pages); a strip
// whose time has come is cleared by the job runner (endFinishedStrips) and is never shown after its end meanwhile.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { Described as d, DateTime, Strict, Text, type Static } from './input_kit.ts';

export const BreakingFields = Strict({
  text: d('The line readers see, e.g. "Earthquake in Herat: follow our live coverage".', Text(200, 1)),
  url: d('Where the line leads: an address on this site (/articles/...) or a full https:// address.', Text(500, 1)),
  endsAt: d('When the strip comes down (ISO 8601).', DateTime),
});
export type BreakingInput = Static<typeof BreakingFields>;

export interface BreakingStrip {
  language: string;
  text: string;
  url: string;
  endsAt: string;
}

function checkLanguage(language: string): void {
  if (!(LANGUAGES as readonly string[]).includes(language)) throw new NotFoundError(`There is no language ${language}`);
}

/** Every strip set, ended or not (the newsroom's list). */
export async function listBreaking(db: Db): Promise<BreakingStrip[]> {
  const rows = await db.selectFrom('breaking_news').select(['language', 'text', 'url', 'ends_at']).orderBy('language').execute();
  return rows.map((r) => ({ language: r.language, text: r.text, url: r.url, endsAt: r.ends_at }));
}

/** The strips readers see at `now`, by language. */
export function liveBreaking(strips: BreakingStrip[], now: Date): Map<string, BreakingStrip> {
  return new Map(strips.filter((s) => Date.parse(s.endsAt) > now.getTime()).map((s) => [s.language, s]));
}

/** Sets (or replaces) a language's strip. */
export async function setBreaking(ctx: AppContext, language: string, input: BreakingInput, actor: { userId: number | null }): Promise<BreakingStrip> {
  checkLanguage(language);
  const text = input.text.replace(/\s+/g, ' ').trim();
  if (!text) throw new ValidationError('text', 'write the line readers will see');
  const url = input.url.trim();
  if (!/^\/(?!\/)\S*$/.test(url) && !/^https?:\/\/[^\s/]+\S*$/i.test(url)) {
    throw new ValidationError('url', 'the link must be an address on this site starting with / or a full http(s):// address');
  }
  const ends = Date.parse(input.endsAt);
  if (Number.isNaN(ends)) throw new ValidationError('endsAt', 'endsAt must be a date and time');
  if (ends <= ctx.clock.now().getTime()) throw new ValidationError('endsAt', 'the end time must be in the future');
  const row = { text, url, ends_at: new Date(ends).toISOString(), set_by: actor.userId, updated_at: ctx.clock.now().toISOString() };
  await ctx.db.insertInto('breaking_news').values({ language, ...row })
    .onConflict((oc) => oc.column('language').doUpdateSet(row)).execute();
  await ctx.events.emit('breaking.changed', { language });
  return { language, text, url, endsAt: row.ends_at };
}

/** Takes a language's strip down. */
export async function removeBreaking(ctx: AppContext, language: string): Promise<void> {
  checkLanguage(language);
  const r = await ctx.db.deleteFrom('breaking_news').where('language', '=', language).executeTakeFirst();
  if (!Number(r.numDeletedRows)) throw new NotFoundError('There is no breaking-news strip in that language');
  await ctx.events.emit('breaking.changed', { language });
}

/** Clears the strips whose end has come and tells their languages' pages; the languages. */
export async function endFinishedStrips(ctx: AppContext): Promise<string[]> {
  const ended = await ctx.db.deleteFrom('breaking_news').where('ends_at', '<=', ctx.clock.now().toISOString()).returning('language').execute();
  for (const { language } of ended) await ctx.events.emit('breaking.changed', { language });
  return ended.map((r) => r.language);
}

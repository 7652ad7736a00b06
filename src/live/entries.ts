// Entries of a live story: posted, corrected and deleted by whoever may publish the story. The text is one box:
// plain text (paragraphs by blank lines; a line holding only an address becomes a link) or HTML, sanitized like an
// article's body; pictures come from the media library; posts elsewhere (a video, a post on a social network) are
// shown as links, never embedded, so a reader's browser asks no other site for anything.
import type { Selectable } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Actor } from '../content/actor.ts';
import { plainText, sanitizeBody, showsText } from '../content/sanitize.ts';
import { getMedia } from '../media/images.ts';
import { getUser } from '../auth/users.ts';
import { getCoverage, liveArticle } from './coverage.ts';
import type { LiveTables } from './tables.ts';

/** What an entry may hold: enough for a running story, small enough to read on a phone. */
export const MAX_TEXT = 10_000;
export const MAX_PICTURES = 4;
export const MAX_LINKS = 5;

export interface EntryInput {
  text?: unknown;
  key?: unknown;
  mediaIds?: unknown;
  links?: unknown;
}

/** What the newsroom asks to be done with a new entry besides showing it (web push, the newsroom's channels). */
export interface PostOptions {
  alert?: boolean;
  channels?: boolean;
}

export interface LiveEntry {
  id: number;
  articleId: number;
  authorId: number | null;
  authorName: string;
  html: string;
  text: string;
  mediaIds: number[];
  links: string[];
  key: boolean;
  postedAt: string;
  correctedAt: string | null;
  deletedAt: string | null;
}

export function entryOf(r: Selectable<LiveTables['live_entries']>): LiveEntry {
  return {
    id: r.id, articleId: r.article_id, authorId: r.author_id, authorName: r.author_name, html: r.body_html, text: r.body_text,
    mediaIds: JSON.parse(r.media_ids) as number[], links: JSON.parse(r.links) as string[], key: !!r.key,
    postedAt: r.posted_at, correctedAt: r.corrected_at, deletedAt: r.deleted_at,
  };
}

/** Text holding one of the body's own elements is HTML; anything else ("<chips>", "a < b") is plain text. */
const HTML = /<\/?(p|br|strong|b|em|i|u|s|a|ul|ol|li|blockquote|q|h[2-4]|figure|span|div|sub|sup|code|pre|mark|small)\b[^>]*>/i;
const ONLY_URL = /^https?:\/\/[^\s<>"]+$/i;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A link as entries keep it: an absolute http(s) address of at most 2,000 characters, or a ValidationError. */
export function checkLink(v: unknown): string {
  if (typeof v !== 'string' || v.length > 2000 || !ONLY_URL.test(v.trim())) throw new ValidationError('links', 'Each link must be an http or https address');
  const url = new URL(v.trim());
  return url.href;
}

/** The entry's HTML and the addresses taken out of it: HTML is sanitized as it stands; plain text becomes
 * paragraphs, and its lines holding nothing but an address become links. Pictures in the HTML are dropped
 * (an entry's pictures come from the media library). */
export function entryBody(text: string): { html: string; links: string[] } {
  const links: string[] = [];
  let html: string;
  if (HTML.test(text)) {
    html = text;
  } else {
    const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.split('\n').filter((line) => {
      if (!ONLY_URL.test(line.trim())) return true;
      links.push(checkLink(line));
      return false;
    }).map((line) => escapeHtml(line.trim())).filter(Boolean).join('<br />')).filter(Boolean);
    html = paragraphs.map((p) => `<p>${p}</p>`).join('');
  }
  return { html: sanitizeBody(html).replace(/<img\b[^>]*>/gi, ''), links };
}

async function readInput(ctx: AppContext, input: EntryInput, current: LiveEntry | null) {
  let html = current?.html ?? '';
  let links = current?.links ?? [];
  if (input.text !== undefined) {
    if (typeof input.text !== 'string' || input.text.length > MAX_TEXT) throw new ValidationError('text', `text must be at most ${MAX_TEXT} characters`);
    const body = entryBody(input.text);
    html = body.html;
    links = body.links;
  }
  if (input.links !== undefined) {
    if (!Array.isArray(input.links)) throw new ValidationError('links', 'links must be a list of addresses');
    links = [...links, ...input.links.map(checkLink)];
  }
  links = [...new Set(links)];
  if (links.length > MAX_LINKS) throw new ValidationError('links', `An entry holds at most ${MAX_LINKS} links`);
  const mediaIds = input.mediaIds !== undefined ? input.mediaIds : current?.mediaIds ?? [];
  if (!Array.isArray(mediaIds) || mediaIds.length > MAX_PICTURES || !mediaIds.every((n) => Number.isInteger(n) && n > 0)) {
    throw new ValidationError('mediaIds', `mediaIds must list at most ${MAX_PICTURES} pictures from the media library`);
  }
  for (const id of mediaIds as number[]) if (!(await getMedia(ctx.db, id))) throw new ValidationError('mediaIds', `There is no picture ${id} in the media library`);
  const text = plainText(html);
  if (!showsText(text) && !mediaIds.length && !links.length) throw new ValidationError('text', 'Write something, or add a picture or a link');
  const key = input.key !== undefined ? input.key : current?.key ?? false;
  if (typeof key !== 'boolean') throw new ValidationError('key', 'key must be true or false');
  return { body_html: html, body_text: text, links: JSON.stringify(links), media_ids: JSON.stringify(mediaIds), key: key ? 1 : 0 };
}

/** The entry's public address: the story's page and the entry's anchor. */
export function entryUrl(ctx: AppContext, slug: string, entryId: number): string {
  return `${ctx.config.publicUrl}/articles/${encodeURIComponent(slug)}#entry-${entryId}`;
}

/** Posts an entry to a story that is live and published; readers' pages learn of it (one page-cache purge). */
export async function postEntry(ctx: AppContext, actor: Actor, articleId: number, input: EntryInput, opts: PostOptions = {}): Promise<LiveEntry> {
  const a = await liveArticle(ctx, actor, articleId);
  const coverage = await getCoverage(ctx.db, articleId);
  if (!coverage?.live) throw new ConflictError('Start live coverage of this story before posting entries');
  if (a.status !== 'published') throw new ConflictError('Publish the story before posting entries: readers see them at once');
  const values = await readInput(ctx, input, null);
  const author = actor.userId !== null ? await getUser(ctx.db, actor.userId) : null;
  const now = ctx.clock.now().toISOString();
  const { id } = await ctx.db.insertInto('live_entries').values({
    article_id: articleId, author_id: actor.userId, author_name: author?.name ?? '', posted_at: now, corrected_at: null, deleted_at: null, ...values,
  }).returning('id').executeTakeFirstOrThrow();
  const entry = (await getEntry(ctx.db, id))!;
  await ctx.events.emit('live.entry.posted', {
    articleId, entryId: id, language: a.language, text: entry.text, url: entryUrl(ctx, a.slug, id), key: entry.key,
    alert: opts.alert === true, channels: opts.channels === true,
  });
  return entry;
}

export async function getEntry(db: Db, id: number): Promise<LiveEntry | null> {
  const r = await db.selectFrom('live_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? entryOf(r) : null;
}

async function entryFor(ctx: AppContext, actor: Actor, id: number) {
  const entry = await getEntry(ctx.db, id);
  if (!entry) throw new NotFoundError('There is no such entry');
  const a = await liveArticle(ctx, actor, entry.articleId);
  if (entry.deletedAt) throw new ConflictError('This entry was deleted');
  return { entry, a };
}

/** Corrects an entry (its text, pictures, links) or marks it key or not; readers see "Updated" with the time when
 * what it says changed. */
export async function correctEntry(ctx: AppContext, actor: Actor, id: number, input: EntryInput): Promise<LiveEntry> {
  const { entry, a } = await entryFor(ctx, actor, id);
  const values = await readInput(ctx, input, entry);
  const said = values.body_html !== entry.html || values.media_ids !== JSON.stringify(entry.mediaIds) || values.links !== JSON.stringify(entry.links);
  if (!said && values.key === (entry.key ? 1 : 0)) return entry;
  await ctx.db.updateTable('live_entries').set({ ...values, ...(said ? { corrected_at: ctx.clock.now().toISOString() } : {}) }).where('id', '=', id).execute();
  await ctx.events.emit('article.changed', { articleId: a.id, slug: a.slug, reason: 'live' });
  return (await getEntry(ctx.db, id))!;
}

/** Deletes an entry: its words are gone; readers see that an entry was removed, and when. */
export async function deleteEntry(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const { a } = await entryFor(ctx, actor, id);
  await ctx.db.updateTable('live_entries').set({ deleted_at: ctx.clock.now().toISOString(), body_html: '', body_text: '', media_ids: '[]', links: '[]', key: 0 })
    .where('id', '=', id).execute();
  await ctx.events.emit('article.changed', { articleId: a.id, slug: a.slug, reason: 'live' });
}

/** The story's entries, newest first (deleted ones too: readers see that they were removed). */
export async function listEntries(db: Db, articleId: number, limit = 500): Promise<LiveEntry[]> {
  const rows = await db.selectFrom('live_entries').selectAll().where('article_id', '=', articleId).orderBy('posted_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(entryOf);
}

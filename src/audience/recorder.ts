// Counting page views: the web layer hands each answered public page to hear() (a push onto an array, nothing
// else), and every few seconds flush() writes what was heard as one batch: each view described (its kind, story,
// section, authors, language, edition), its reader's daily id made, its referrer grouped, and the hours it falls in
// marked for the next roll-up. Each instance writes only what it heard itself, so views split across instances are
// each written once; a killed instance loses what it heard since its last batch (a few seconds at most).
import { isbot } from 'isbot';
import type { AppContext } from '../context.ts';
import { articleFactsBySlug, type ArticleFacts } from '../content/article_facts.ts';
import { getSettings } from '../content/settings.ts';
import { periodOf } from './periods.ts';
import { bareHost, classifyReferrer, hostOf } from './referrers.ts';
import { saltOf, visitorId } from './visitors.ts';
import { partnerHosts } from './audience_settings.ts';

export const VIEW_KINDS = ['article', 'front', 'section', 'tag', 'author', 'search', 'page', 'archive', 'feed'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];
export type Edition = 'full' | 'lite';

/** What a public address shows, as far as counting needs to know (the site says: src/site/view_kinds.ts). */
export interface PageDescription {
  kind: ViewKind;
  edition: Edition;
  /** the language its address names (/fa/, /lite/ps/); a story's own language wins */
  language?: string;
  /** the story an article address names */
  articleSlug?: string;
}
export type DescribePage = (pathname: string) => PageDescription | null;

/** One answered page, as heard: nothing is worked out until the batch is written. */
export interface HeardView {
  at: number;
  url: string;
  userAgent: string;
  referer: string;
  address: string;
  host: string;
}

/** How often each instance writes what it heard. */
export const FLUSH_EVERY_MS = 5000;
/** Views held at most while the database cannot be written (beyond this the newest are not kept). */
const MAX_HELD = 200_000;
const ROWS_PER_INSERT = 400;

export class ViewRecorder {
  private heard: HeardView[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;
  /** views written, and views dropped because the buffer was full (metrics, tests) */
  written = 0;
  dropped = 0;

  constructor(private readonly ctx: AppContext, private readonly describe: DescribePage, private readonly onError: (err: unknown) => void = () => {}) {}

  /** Notes one answered page (a GET answered 200 or 304, not a prefetch: the caller checks). */
  hear(view: HeardView): void {
    if (this.heard.length >= MAX_HELD) this.dropped++;
    else this.heard.push(view);
  }

  get pending(): number {
    return this.heard.length;
  }

  /** Writes a batch every `everyMs` until stop(); the timer never keeps the process alive. */
  start(everyMs = FLUSH_EVERY_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => { void this.flush().catch(this.onError); }, everyMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (a stop drops no view it heard). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush().catch(this.onError);
  }

  /** Writes every view heard so far; resolves to how many were written. One flush at a time; a failed batch is
   * kept for the next. */
  async flush(): Promise<number> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (!this.heard.length) return 0;
    const batch = this.heard;
    this.heard = [];
    this.flushing = writeBatch(this.ctx, batch, this.describe);
    try {
      const n = await this.flushing;
      this.written += n;
      return n;
    } catch (err) {
      const unwritten = (err as { unwritten?: HeardView[] }).unwritten ?? batch;
      this.heard = unwritten.concat(this.heard).slice(0, MAX_HELD);
      throw err;
    } finally {
      this.flushing = null;
    }
  }
}

type Row = {
  viewed_at: string; hour: number; day: string; visitor: string; kind: string; bot: number; path: string;
  article_id: number | null; section_id: number | null; language: string; edition: string; ref_group: string; ref_host: string;
};

/** Views described and written in one go: a busy instance hears tens of thousands between flushes, and the work
 * of each slice is done before the event loop serves the next request, so slices keep readers' waits short. */
const VIEWS_PER_SLICE = 1000;

/** Writes one batch, a slice at a time, giving the event loop back between slices. */
async function writeBatch(ctx: AppContext, batch: HeardView[], describe: DescribePage): Promise<number> {
  let written = 0;
  for (let i = 0; i < batch.length; i += VIEWS_PER_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      written += await writeSlice(ctx, batch.slice(i, i + VIEWS_PER_SLICE), describe);
    } catch (err) {
      // the slices already written stay written; the rest is kept for the next flush
      throw Object.assign(err instanceof Error ? err : new Error(String(err)), { unwritten: batch.slice(i) });
    }
  }
  return written;
}

/** Describes, ids and writes one slice in one transaction; the hours it touches are marked stale. */
async function writeSlice(ctx: AppContext, batch: HeardView[], describe: DescribePage): Promise<number> {
  const settings = await getSettings(ctx.db);
  const site = hostOf(ctx.config.publicUrl) ?? '';
  const own = new Set([site]);
  const partners = new Set(await partnerHosts(ctx));
  for (const m of [...ctx.config.mirrors, ...(ctx.config.onionUrl ? [ctx.config.onionUrl] : [])]) {
    const h = hostOf(m);
    if (h) partners.add(h);
  }
  const described = batch.map((v) => {
    const q = v.url.indexOf('?');
    const path = q < 0 ? v.url : v.url.slice(0, q);
    return { v, path, query: q < 0 ? '' : v.url.slice(q + 1), page: describe(safeDecode(path)) };
  }).filter((d) => d.page !== null);
  const facts = await articleFactsBySlug(ctx.db, described.flatMap((d) => (d.page?.articleSlug ? [d.page.articleSlug] : [])));
  const salts = new Map<string, string>();
  const rows: { row: Row; authors: number[] }[] = [];
  for (const { v, path, query, page } of described) {
    if (!page) continue;
    const at = new Date(v.at);
    const { hour, day } = periodOf(at, settings.timeZone);
    let salt = salts.get(day);
    if (!salt) salts.set(day, (salt = await saltOf(ctx, day)));
    const story: ArticleFacts | undefined = page.articleSlug ? facts.get(page.articleSlug) : undefined;
    // An article address that names no published story is not a view of a story (a 404 is not counted anyway).
    if (page.kind === 'article' && !story) continue;
    if (v.host) own.add(bareHost(v.host));
    const ref = classifyReferrer(v.referer || undefined, query, { own, partners });
    rows.push({
      row: {
        viewed_at: at.toISOString(), hour, day, visitor: visitorId(salt, site, v.address, v.userAgent), kind: page.kind,
        // feed readers call themselves bots (isbot agrees); their fetches are a kind of their own instead
        bot: page.kind !== 'feed' && (isbot(v.userAgent) || !v.userAgent) ? 1 : 0, path: path.slice(0, 300), article_id: story?.id ?? null, section_id: story?.sectionId ?? null,
        language: story?.language ?? page.language ?? settings.language, edition: page.edition, ref_group: ref.group, ref_host: ref.host.slice(0, 200),
      },
      authors: story?.authorIds ?? [],
    });
  }
  if (!rows.length) return 0;
  const hours = new Map<number, string>();
  for (const { row } of rows) hours.set(row.hour, row.day);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('audience_views').values(rows.slice(i, i + ROWS_PER_INSERT).map((r) => r.row)).execute();
    }
    const authorRows = rows.flatMap(({ row, authors }) => (row.bot ? [] : authors.map((person_id) => ({ hour: row.hour, day: row.day, visitor: row.visitor, person_id }))));
    for (let i = 0; i < authorRows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('audience_view_authors').values(authorRows.slice(i, i + ROWS_PER_INSERT)).execute();
    }
    for (const [hour, day] of [...hours].sort((a, b) => a[0] - b[0])) {
      await trx.insertInto('audience_stale_hours').values({ hour, day, version: 1 })
        .onConflict((oc) => oc.column('hour').doUpdateSet((eb) => ({ version: eb('audience_stale_hours.version', '+', 1) }))).execute();
    }
    for (const day of [...new Set(hours.values())].sort()) {
      await trx.insertInto('audience_stale_days').values({ day, version: 1 })
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ version: eb('audience_stale_days.version', '+', 1) }))).execute();
    }
  });
  return rows.length;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

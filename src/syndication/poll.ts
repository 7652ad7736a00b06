// Polling partner feeds (or list pages, src/syndication/list_page.ts): each source on its own interval, with conditional GET (an unchanged feed costs one
// small request and fetches no page), backing off after failures and when the partner says 429/503 (its
// Retry-After honoured). Every poll is recorded for the newsroom to read.
import type { AppContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { FetchFailure, safeFetch } from './fetcher.ts';
import { FeedProblem, readFeed } from './feed_items.ts';
import { importItem, type Source } from './import_item.ts';
import { isHtmlPage, readListPage } from './list_page.ts';
import type { PollOutcome } from './tables.ts';
import { getSource } from '../content/sources.ts';
import { notePollSchedule, sourcesDueForPolling, sourcesWithFeeds } from '../content/partner_sources.ts';

/** New items taken per poll at most: a partner that floods its feed is drained over several polls. */
export const MAX_NEW_PER_POLL = 50;
/** The longest wait between polls after failures. */
export const MAX_BACKOFF_MINUTES = 24 * 60;
/** Sources polled at once: a partner that holds its requests (up to the fetch's 20 s) takes one of these, never the
 * whole poll; publishing and the other jobs have timers of their own and never wait on a poll. */
export const POLL_CONCURRENCY = 4;

export interface PollResult {
  sourceId: number;
  source: string;
  outcome: PollOutcome;
  httpStatus: number | null;
  seen: number;
  imported: number;
  duplicates: number;
  failed: number;
  reason: string;
  durationMs: number;
  nextPollAt: string;
}

function minutesFrom(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

async function loadSource(ctx: AppContext, id: number): Promise<Source> {
  const source = await getSource(ctx.db, id);
  if (!source) throw new NotFoundError('Source not found');
  if (!source.feed_url) throw new ValidationError('feedUrl', 'This source has no feed address to poll');
  return source;
}

/** Polls one source now, whatever its schedule. */
export async function pollSource(ctx: AppContext, id: number): Promise<PollResult> {
  const source = await loadSource(ctx, id);
  const started = ctx.clock.now();
  const wall = performance.now();
  const result: PollResult = {
    sourceId: id, source: source.name, outcome: 'ok', httpStatus: null, seen: 0, imported: 0, duplicates: 0, failed: 0, reason: '', durationMs: 0, nextPollAt: '',
  };
  const backOff = (extraMinutes = 0) => {
    const failures = source.failures + 1;
    const minutes = Math.min(MAX_BACKOFF_MINUTES, Math.max(extraMinutes, source.poll_minutes * 2 ** Math.min(failures, 10)));
    return { failures, next_poll_at: minutesFrom(started, minutes) };
  };
  let update: { failures: number; next_poll_at: string; etag?: string | null; last_modified?: string | null };
  try {
    const res = await safeFetch(ctx, source.feed_url as string, {
      etag: source.etag, lastModified: source.last_modified, accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
    });
    result.httpStatus = res.status;
    if (res.notModified) {
      result.outcome = 'not_modified';
      update = { failures: 0, next_poll_at: minutesFrom(started, source.poll_minutes) };
    } else if (res.status === 429 || res.status === 503) {
      result.outcome = 'busy';
      result.reason = `the partner answered ${res.status}${res.retryAfterSeconds !== null ? `, retry after ${res.retryAfterSeconds} s` : ''}`;
      update = backOff(Math.ceil((res.retryAfterSeconds ?? 0) / 60));
    } else if (res.status !== 200) {
      result.outcome = 'failed';
      result.reason = `the feed answered ${res.status}`;
      update = backOff();
    } else {
      const body = res.text();
      const items = isHtmlPage(res.contentType, body) ? readListPage(body, res.url, source.list_selector) : readFeed(body);
      result.seen = items.length;
      const known = new Set((await ctx.db.selectFrom('syndicated_items').select('item_key').where('source_id', '=', id)
        .where('item_key', 'in', items.length ? items.map((i) => i.key.slice(0, 2000)) : ['']).execute()).map((r) => r.item_key));
      const fresh = items.filter((i) => !known.has(i.key.slice(0, 2000)));
      for (const item of fresh.slice(0, MAX_NEW_PER_POLL)) {
        const outcome = await importItem(ctx, source, item);
        if (outcome === 'imported') result.imported++;
        else if (outcome === 'duplicate') result.duplicates++;
        else result.failed++;
      }
      // Items left for the next poll must not be hidden behind a "not modified".
      const drained = fresh.length <= MAX_NEW_PER_POLL;
      update = { failures: 0, next_poll_at: minutesFrom(started, source.poll_minutes), etag: drained ? res.etag : null, last_modified: drained ? res.lastModified : null };
    }
  } catch (e) {
    if (!(e instanceof FetchFailure || e instanceof FeedProblem)) throw e;
    result.outcome = 'failed';
    result.reason = e.message;
    update = backOff();
  }
  result.durationMs = Math.round(performance.now() - wall);
  result.nextPollAt = update.next_poll_at;
  await notePollSchedule(ctx.db, id, update);
  await ctx.db.insertInto('source_polls').values({
    source_id: id, started_at: started.toISOString(), outcome: result.outcome, http_status: result.httpStatus, items_seen: result.seen,
    items_new: result.imported, items_failed: result.failed, duration_ms: result.durationMs, reason: result.reason.slice(0, 500),
  }).execute();
  return result;
}

/** Polls every source whose time has come (the job runner calls this), `concurrency` at a time; one source's trouble
 * never stops the rest (an unexpected error is thrown once every source has had its turn). Results in source order. */
export async function pollDueSources(ctx: AppContext, onPolled?: (r: PollResult) => void, concurrency = POLL_CONCURRENCY): Promise<PollResult[]> {
  const due = await sourcesDueForPolling(ctx.db, ctx.clock.now().toISOString());
  return pollEach(due, concurrency, (id) => pollSource(ctx, id), onPolled);
}

/** Runs `poll` over the ids with at most `concurrency` running at once. */
async function pollEach(ids: number[], concurrency: number, poll: (id: number) => Promise<PollResult>, onPolled?: (r: PollResult) => void): Promise<PollResult[]> {
  const results: (PollResult | undefined)[] = new Array(ids.length);
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      try {
        results[i] = await poll(ids[i]);
        onPolled?.(results[i]);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  if (errors.length) throw errors[0];
  return results.filter((r): r is PollResult => r !== undefined);
}

/** The latest polls of a source, newest first. */
export function listPolls(ctx: AppContext, sourceId: number, limit = 50) {
  return ctx.db.selectFrom('source_polls').selectAll().where('source_id', '=', sourceId).orderBy('id', 'desc').limit(limit).execute();
}

/** Each source's latest poll (by source id), for the sources list. */
export async function latestPolls(ctx: AppContext) {
  const latest = ctx.db.selectFrom('source_polls').select((eb) => eb.fn.max('id').as('id')).groupBy('source_id');
  const rows = await ctx.db.selectFrom('source_polls').selectAll().where('id', 'in', latest).execute();
  return new Map(rows.map((r) => [r.source_id, r]));
}

/** One line a person reads in the terminal for a poll. */
export function describePoll(r: PollResult): string {
  const counts = r.outcome === 'ok' ? `, ${r.seen} seen, ${r.imported} new, ${r.duplicates} duplicates, ${r.failed} failed` : '';
  return `${r.source}: ${r.outcome.replace('_', ' ')}${counts}${r.reason ? ` (${r.reason})` : ''} in ${r.durationMs} ms`;
}

/** Polls the source named by id or slug, or every source with a feed, now; `onPolled` hears each as it ends (the
 * n-th of `total`). */
export async function pollNow(ctx: AppContext, which: string | undefined, onPolled: (r: PollResult, n: number, total: number) => void): Promise<PollResult[]> {
  const ids = await sourcesWithFeeds(ctx.db, which);
  if (which && !ids.length) throw new NotFoundError(`No source "${which}" with a feed address`);
  let n = 0;
  // One after another: the person at the terminal reads the lines in the sources' order.
  return pollEach(ids, 1, (id) => pollSource(ctx, id), (r) => onPolled(r, ++n, ids.length));
}

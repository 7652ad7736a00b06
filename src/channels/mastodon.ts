// A Mastodon account (https://docs.joinmastodon.org/methods/statuses/): a story goes out as a public status of its
// headline, standfirst and link, in its language; an edit updates the same status (PUT /api/v1/statuses/:id).
// Mastodon keeps an Idempotency-Key for an hour, so a retried post is never posted twice.
import type { AppContext } from '../context.ts';
import { retryAfterSeconds } from '../syndication/fetcher.ts';
import { cut, type PostContent } from './story.ts';
import type { ApiAnswer } from './api_answer.ts';

/** Mastodon's default limit; a link counts as 23 characters whatever its length. */
const STATUS_MAX = 500;
const LINK_CHARS = 23;
const TIMEOUT_MS = 20_000;

/** The status text: headline, standfirst (cut to fit) and link. */
export function mastodonStatus(content: PostContent): string {
  const headline = cut(content.headline, 200);
  const room = STATUS_MAX - headline.length - LINK_CHARS - 4;
  const standfirst = cut(content.standfirst, Math.max(0, room));
  return [headline, standfirst, content.url].filter(Boolean).join('\n\n');
}

async function call(ctx: AppContext, instance: string, token: string, method: 'POST' | 'PUT', path: string, body: Record<string, unknown>, key?: string): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await fetch(`${instance}${path}`, {
      method, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
  } catch (err) {
    // With an Idempotency-Key a post whose answer was lost can be sent again safely.
    return { kind: (err as Error).name === 'TimeoutError' && !key ? 'unknown' : 'retry', error: `Mastodon could not be reached: ${(err as Error).message}` };
  }
  const json = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
  if (res.ok) return { kind: 'ok', remoteId: String(json.id ?? '') };
  const error = `Mastodon answered ${res.status}: ${String(json.error ?? '').slice(0, 200)}`;
  if (res.status === 429) {
    const reset = res.headers.get('x-ratelimit-reset');
    const wait = retryAfterSeconds(res.headers.get('retry-after') ?? undefined, ctx.clock.now().getTime())
      ?? (reset ? Math.max(1, Math.ceil((Date.parse(reset) - ctx.clock.now().getTime()) / 1000)) : 60);
    return { kind: 'retry', error, retryAfter: Number.isFinite(wait) ? wait : 60 };
  }
  if (res.status >= 500) return { kind: 'retry', error };
  return { kind: 'failed', error };
}

/** Posts a public status; remoteId is the status id. */
export function mastodonPost(ctx: AppContext, instance: string, token: string, content: PostContent, key: string): Promise<ApiAnswer> {
  return call(ctx, instance, token, 'POST', '/api/v1/statuses', { status: mastodonStatus(content), language: content.language, visibility: 'public' }, key);
}

/** Updates a posted status with the story as it is now. */
export function mastodonEdit(ctx: AppContext, instance: string, token: string, statusId: string, content: PostContent): Promise<ApiAnswer> {
  return call(ctx, instance, token, 'PUT', `/api/v1/statuses/${encodeURIComponent(statusId)}`, { status: mastodonStatus(content), language: content.language });
}

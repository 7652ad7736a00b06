// Shared pieces of the comment tests: a published article, cheap proof-of-work settings, a real solver.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/context.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateCommentSettings, type CommentSettings } from '../../src/comments/settings.ts';

/** Proof of work that costs next to nothing whatever the pressure (the tests ask many challenges from one address
 *  within a minute of a clock that stands still), and no waiting between challenge and submit unless a test asks.
 *  test/comments/bot_defence.test.ts proves the adaptive cost. */
export const CHEAP: Partial<CommentSettings> = { powCost: 1, powPrefix: '0', minSubmitSeconds: 0, powAdaptive: false };

export async function cheapSettings(ctx: AppContext, more: Partial<CommentSettings> = {}): Promise<void> {
  await updateCommentSettings(ctx, { ...CHEAP, ...more });
}

export async function publishedArticle(ctx: AppContext, input: { headline?: string; language?: string; commentsOpen?: boolean } = {}): Promise<number> {
  const id = await createArticle(ctx, { headline: input.headline ?? 'Floods reach Kabul', bodyHtml: '<p>Water.</p>', language: input.language ?? 'en',
    commentsOpen: input.commentsOpen ?? true }, { userId: null });
  await publishArticle(ctx, id, { userId: null });
  return id;
}

/** Solves a challenge the way the widget does and returns the base64 payload of the altcha field. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Fetches and solves a challenge through the app. */
export async function solvedPayload(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/comments/challenge' });
  if (res.statusCode !== 200) throw new Error(`challenge answered ${res.statusCode}`);
  return solve(res.json() as Challenge);
}

export const ORIGIN = { origin: 'http://localhost:80' };

/** Posts a comment form as the widget would (JSON answer). */
export function postForm(app: FastifyInstance, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST', url: '/comments', remoteAddress: headers['x-test-ip'] ?? '198.51.100.7',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...ORIGIN, ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

// Posting a reader comment: rules, then the bot defence's phases, then stored as approved, pending or spam.
import type { AppContext } from '../context.ts';
import type { CommentStatus } from './tables.ts';
import type { CommentMessageKey } from '../i18n/comments_en.ts';
import { getSettings } from '../content/settings.ts';
import { getCommentSettings, type CommentSettings } from './settings.ts';
import { readSubmission } from './validate.ts';
import { CommentRefusedError, commentMessage } from './messages.ts';
import { spendCommentPow } from './pow.ts';
import { checkProof, recordSent } from './bot_defence.ts';
import { verifyCaptcha } from './captcha.ts';
import { gatherFacts, recordAttempt } from './facts.ts';
import { judge } from './phases/index.ts';
import { networkOf, normalizeIp } from './network.ts';
import { bodyHash } from './fold.ts';
import { scriptsForLanguages } from './scripts.ts';
import { commentsOpen, openArticle } from './articles.ts';

export interface PostedComment {
  commentId: number;
  /** what the reader is told: published, or held (spam is told "held" so a bot learns nothing) */
  shownStatus: 'approved' | 'pending';
  messageKey: CommentMessageKey;
  message: string;
  articleSlug: string;
  /** the article's language, the one the reader is answered in */
  language: string;
}

export interface PostOptions {
  ip: string;
}

/** Posts a comment from a form or JSON body; throws CommentRefusedError with the reader's message. */
export async function postComment(ctx: AppContext, body: unknown, opts: PostOptions): Promise<PostedComment> {
  const settings = await getCommentSettings(ctx.db);
  const sub = readSubmission(body, settings);
  const site = await getSettings(ctx.db);
  const now = ctx.clock.now();
  const article = await openArticle(ctx.db, sub.draft.articleId);
  if (!commentsOpen(article, settings, site, now)) throw new CommentRefusedError(403, 'comments.error.closed');
  const place = await placeReply(ctx, article.id, sub.draft.parentId, settings);

  const ip = normalizeIp(opts.ip);
  const sender = { ip, network: networkOf(ip) };
  const [pow, captcha] = await Promise.all([
    checkProof(ctx, sub.powPayload, { purpose: 'comment', ip, target: `article:${article.id}` }),
    verifyCaptcha(ctx, settings, sub.captchaToken, ip),
  ]);
  const facts = await gatherFacts(ctx.db, {
    draft: sub.draft, sender, now, settings, pow, captcha, moderateAll: site.moderateAll,
    // Script is judged against every language the site publishes, not the article's: many readers write in Dari or
    // Pashto under English stories.
    scripts: settings.scripts.length ? settings.scripts : scriptsForLanguages([site.language, ...site.languages, article.language]),
  });
  await recordAttempt(ctx.db, sender, now);
  const decision = judge(facts, settings);
  if (decision.kind === 'refuse') {
    const r = decision.refusal;
    throw new CommentRefusedError(r.status ?? 403, r.messageKey ?? 'comments.error.captcha');
  }
  if (pow.state === 'ok' && pow.challengeId && pow.expiresAt && !(await spendCommentPow(ctx, pow.challengeId, pow.expiresAt))) {
    throw new CommentRefusedError(403, 'comments.error.pow_spent');
  }
  const status: CommentStatus = decision.status;
  const at = now.toISOString();
  const commentId = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('comments').values({
      article_id: article.id, parent_id: place.parentId, depth: place.depth, author_name: sub.draft.name, author_email: sub.draft.email,
      ip, network: sender.network, body: sub.draft.body, body_hash: bodyHash(sub.draft.body), status, score: decision.score,
      reasons: JSON.stringify(decision.results), report_count: 0, created_at: at, updated_at: at, edited_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('comment_decisions').values({
      comment_id: id, action: 'received', from_status: null, to_status: status, actor_id: null, note: `score ${decision.score}`, created_at: at,
    }).execute();
    return id;
  });
  await recordSent(ctx, ip);
  await ctx.events.emit('comment.changed', { articleId: article.id, commentId, status });
  if (decision.kind === 'store' && decision.scoreRefused) throw new CommentRefusedError(403, 'comments.error.score');
  const messageKey = status === 'approved' ? 'comments.published' : 'comments.held';
  return { commentId, shownStatus: status === 'approved' ? 'approved' : 'pending', messageKey, message: commentMessage(messageKey, {}, article.language), articleSlug: article.slug, language: article.language };
}

/** Where a reply goes: under its parent, or beside it once the thread is at its deepest. */
async function placeReply(ctx: AppContext, articleId: number, parentId: number | null, s: CommentSettings): Promise<{ parentId: number | null; depth: number }> {
  if (parentId === null) return { parentId: null, depth: 0 };
  const parent = await ctx.db.selectFrom('comments').select(['id', 'parent_id', 'depth', 'article_id', 'status']).where('id', '=', parentId).executeTakeFirst();
  if (!parent || parent.article_id !== articleId || parent.status !== 'approved') throw new CommentRefusedError(400, 'comments.error.parent', 'parent_id');
  if (parent.depth >= s.maxDepth) return { parentId: parent.parent_id, depth: parent.depth };
  return { parentId: parent.id, depth: parent.depth + 1 };
}

// Moderation Admin API under /api/admin/comments: the queue, decisions (single and bulk), edits, blocks,
// closing comments, and the comment settings. Every route needs the comments.moderate capability; changes
// from a browser must come from our own pages (Origin / Sec-Fetch-Site), API clients without them pass.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCapability } from '../auth/guard.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { COMMENT_STATUSES, type CommentBlockKind, type CommentStatus } from '../comments/tables.ts';
import {
  countComments, editComment, getCommentForModeration, listComments, moderateComments, MODERATION_ACTIONS, type ModerationAction, type Moderator,
} from '../comments/moderation.ts';
import { addBlock, blockCommentSender, listBlocks, removeBlock } from '../comments/blocks.ts';
import { getCommentSettings, updateCommentSettings, type CommentSettings } from '../comments/settings.ts';
import { fromOwnSite } from '../http/same_origin.ts';
import { getSettings, updateSettings, type SiteSettings } from '../content/settings.ts';
import { updateArticle } from '../content/articles.ts';

type Body = Record<string, unknown>;

function id(v: unknown, field = 'id'): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw new ValidationError(field, `${field} must be a positive whole number`);
  return n;
}

function body(req: FastifyRequest): Body {
  const b = req.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('body', 'the body must be a JSON object');
  return b as Body;
}

const actor = (req: FastifyRequest): Moderator => ({ userId: req.staff?.id ?? null });

function publicSettings(s: CommentSettings, site: SiteSettings) {
  const { captchaSecret, ...rest } = s;
  return { comments: { ...rest, captchaSecretSet: captchaSecret !== '' }, moderateAll: site.moderateAll, commentsCloseAfterDays: site.commentsCloseAfterDays };
}

/** The moderation API; registered by the Admin API's routes. */
export async function moderationRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const guard = requireCapability('comments.moderate');
  const change = [guard, async (req: FastifyRequest) => {
    if (!fromOwnSite(req, ctx.config.publicUrl, { headerless: true })) throw new ForbiddenError('This request came from another site');
  }];
  const base = '/api/admin/comments';

  app.get(base, { preHandler: guard }, async (req) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.status !== undefined && !COMMENT_STATUSES.includes(q.status as CommentStatus)) {
      throw new ValidationError('status', `status must be one of ${COMMENT_STATUSES.join(', ')}`);
    }
    const comments = await listComments(ctx.db, {
      status: q.status as CommentStatus | undefined,
      articleId: q.article_id ? id(q.article_id, 'article_id') : undefined,
      reported: q.reported === '1' || q.reported === 'true',
      limit: q.limit ? id(q.limit, 'limit') : undefined,
      offset: q.offset && q.offset !== '0' ? id(q.offset, 'offset') : 0,
    });
    return { comments };
  });

  app.get(`${base}/counts`, { preHandler: guard }, async (req) => {
    const q = req.query as Record<string, string | undefined>;
    return { counts: await countComments(ctx.db, q.article_id ? id(q.article_id, 'article_id') : undefined) };
  });

  app.get(`${base}/blocks`, { preHandler: guard }, async () => ({ blocks: await listBlocks(ctx.db) }));

  app.post(`${base}/blocks`, { preHandler: change }, async (req, reply) => {
    const b = body(req);
    const blockId = await addBlock(ctx, { kind: b.kind, value: b.value, note: b.note }, actor(req));
    return reply.code(201).send({ id: blockId });
  });

  app.delete<{ Params: { blockId: string } }>(`${base}/blocks/:blockId`, { preHandler: change }, async (req, reply) => {
    await removeBlock(ctx, id(req.params.blockId, 'blockId'));
    return reply.code(204).send();
  });

  app.get(`${base}/settings`, { preHandler: guard }, async () => publicSettings(await getCommentSettings(ctx.db), await getSettings(ctx.db)));

  app.patch(`${base}/settings`, { preHandler: change }, async (req) => {
    const b = body(req);
    for (const k of Object.keys(b)) {
      if (!['comments', 'moderateAll', 'commentsCloseAfterDays'].includes(k)) throw new ValidationError(k, `${k} is not a comment setting`);
    }
    if (b.comments !== undefined) await updateCommentSettings(ctx, b.comments as Partial<CommentSettings>);
    const sitePatch: Partial<SiteSettings> = {};
    if (b.moderateAll !== undefined) sitePatch.moderateAll = b.moderateAll as boolean;
    if (b.commentsCloseAfterDays !== undefined) sitePatch.commentsCloseAfterDays = b.commentsCloseAfterDays as number | null;
    if (Object.keys(sitePatch).length) await updateSettings(ctx, sitePatch);
    return publicSettings(await getCommentSettings(ctx.db), await getSettings(ctx.db));
  });

  app.post(`${base}/bulk`, { preHandler: change }, async (req) => {
    const b = body(req);
    if (!Array.isArray(b.ids)) throw new ValidationError('ids', 'ids must be a list of comment ids');
    return moderateComments(ctx, b.ids.map((v) => id(v, 'ids')), b.action as ModerationAction, actor(req));
  });

  app.put<{ Params: { articleId: string } }>(`${base}/articles/:articleId/open`, { preHandler: change }, async (req) => {
    const b = body(req);
    if (typeof b.open !== 'boolean') throw new ValidationError('open', 'open must be true or false');
    const articleId = id(req.params.articleId, 'articleId');
    await updateArticle(ctx, articleId, { commentsOpen: b.open }, actor(req));
    return { articleId, open: b.open };
  });

  app.get<{ Params: { id: string } }>(`${base}/:id`, { preHandler: guard }, async (req) => ({ comment: await getCommentForModeration(ctx.db, id(req.params.id)) }));

  app.patch<{ Params: { id: string } }>(`${base}/:id`, { preHandler: change }, async (req) => {
    const commentId = id(req.params.id);
    await editComment(ctx, commentId, body(req).body, actor(req));
    return { comment: await getCommentForModeration(ctx.db, commentId) };
  });

  app.post<{ Params: { id: string } }>(`${base}/:id/block`, { preHandler: change }, async (req, reply) => {
    const kind = body(req).kind as CommentBlockKind;
    if (kind !== 'email' && kind !== 'ip' && kind !== 'network') throw new ValidationError('kind', 'kind must be email, ip or network');
    return reply.code(201).send({ id: await blockCommentSender(ctx, id(req.params.id), kind, actor(req)) });
  });

  app.post<{ Params: { id: string; action: string } }>(`${base}/:id/:action`, { preHandler: change }, async (req) => {
    const action = req.params.action as ModerationAction;
    if (!MODERATION_ACTIONS.includes(action)) throw new ValidationError('action', `action must be one of ${MODERATION_ACTIONS.join(', ')}`);
    const commentId = id(req.params.id);
    const result = await moderateComments(ctx, [commentId], action, actor(req));
    return { ...result, comment: await getCommentForModeration(ctx.db, commentId) };
  });
}

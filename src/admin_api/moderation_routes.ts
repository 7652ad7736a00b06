// Moderation Admin API under /api/admin/comments: the queue, decisions (single and bulk), edits, blocks, closing
// comments, and the comment settings. Every route needs comments.moderate; the two site-wide switches shown with
// the comment settings (moderateAll, commentsCloseAfterDays) belong to the site settings and change only with
// settings.manage. Every settings change is in the audit log.
import { CommentBlockList } from './answers.ts';
import { CommentSettingsAnswer } from './answers_settings.ts';
import { CommentAnswer, CommentList } from './answers_queues.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../auth/capabilities.ts';
import { ForbiddenError } from '../errors.ts';
import { COMMENT_STATUSES } from '../comments/tables.ts';
import { countComments, editComment, getCommentForModeration, listComments, moderateComments, MODERATION_ACTIONS, type Moderator } from '../comments/moderation.ts';
import { addBlock, blockCommentSender, listBlocks, removeBlock } from '../comments/blocks.ts';
import { getCommentSettings, updateCommentSettings, type CommentSettings } from '../comments/settings.ts';
import { getSettings, updateSettings, type SiteSettings } from '../content/settings.ts';
import { updateArticle } from '../content/articles.ts';
import { endpoint } from './endpoint.ts';
import { auditBy, staffOf } from './access.ts';
import { Bool, Created, Described as d, Id, Int, OneOf, Strict, Text, Type } from './schemas.ts';

const MAX = 2_147_483_647;
const opt = Type.Optional;
const tags = ['comments'];
const base = '/api/admin/comments';
const access = { capability: 'comments.moderate' } as const;
const CommentParams = Strict({ id: d('The comment\'s id.', Id) });
const Action = d('approve: show it; spam: hide it and teach the filter it is spam; trash: hide it; restore: undo the last decision.', OneOf(MODERATION_ACTIONS));
const BlockKind = d('email: the sender\'s address; ip: their network address; network: the IPv4 /24 or IPv6 /64 around it.', OneOf(['email', 'ip', 'network'] as const));
const ArticleFilter = d('Only comments on the article with this id.', Id);

/** The site settings the comment settings screen shows; each changes only with settings.manage. */
const SITE_KEYS = ['moderateAll', 'commentsCloseAfterDays'] as const;
const SettingsPatch = Strict({
  comments: opt(Type.Object({}, { additionalProperties: true, description: 'Comment settings to change (see GET); captchaSecret is write-only.' })),
  moderateAll: opt(d('Hold every comment for a moderator (a site setting: needs settings.manage).', Bool)),
  commentsCloseAfterDays: opt(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 3650,
    description: 'Comments close this many days after publication; null: never (a site setting: needs settings.manage).' })),
});

const actor = (req: FastifyRequest): Moderator => ({ userId: staffOf(req).id });

function publicSettings(s: CommentSettings, site: SiteSettings) {
  const { captchaSecret, ...rest } = s;
  return { comments: { ...rest, captchaSecretSet: captchaSecret !== '' }, moderateAll: site.moderateAll, commentsCloseAfterDays: site.commentsCloseAfterDays };
}

/** The moderation API; registered by the Admin API's routes. */
export async function moderationRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  endpoint(app, {
    method: 'GET', url: base, operationId: 'listComments', summary: 'List comments in the moderation queue', tags, access, answers: CommentList,
    query: Strict({
      status: opt(d('The queue\'s tab: pending (held for a moderator), approved, spam or trash. All when not given.', OneOf(COMMENT_STATUSES))),
      article_id: opt(ArticleFilter),
      reported: opt(d('Only comments readers have reported.', Bool)),
      q: opt(d('Words in the comment, the commenter\'s name or email, or the headline of the article it is on.', Text(200))),
      limit: opt(d('How many to answer (50 when not given; at most 200 are answered).', Id)),
      offset: opt(d('How many to skip, for the next page.', Int(0, MAX))),
    }),
    description: 'Newest first, each with its bot score and the reasons for it, the article it is on, and how many reports it has.',
    handle: async (req) => {
      const q = req.query;
      return { comments: await listComments(ctx.db, { status: q.status, articleId: q.article_id, reported: q.reported ?? false, q: q.q, limit: q.limit, offset: q.offset ?? 0 }) };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/counts`, operationId: 'countComments', summary: 'Count comments by status', tags, access, query: Strict({ article_id: opt(ArticleFilter) }),
    description: 'How many comments each tab holds (and how many are reported), for the queue\'s tabs.',
    handle: async (req) => ({ counts: await countComments(ctx.db, req.query.article_id) }),
  });

  endpoint(app, {
    method: 'GET', url: `${base}/blocks`, operationId: 'listCommentBlocks', summary: 'List blocked emails, addresses and networks', tags, access, answers: CommentBlockList,
    handle: async () => ({ blocks: await listBlocks(ctx.db) }),
  });

  endpoint(app, {
    method: 'POST', url: `${base}/blocks`, operationId: 'addCommentBlock', summary: 'Block an email, address or network', tags, access, status: 201, response: { 201: Created },
    body: Strict({ kind: BlockKind, value: d('The email address, IP address, or network (an IPv4 /24 or IPv6 /64, e.g. 203.0.113.0/24) to block.', Text(300)), note: opt(d('Why, for other moderators.', Text(500))) }),
    description: 'Later comments from a blocked sender are filed as spam, silently.', errors: { 409: 'That is already blocked (field value).' },
    handle: async (req) => ({ id: await addBlock(ctx, req.body, actor(req)) }),
    audit: { action: 'comment.block', entry: (req, r) => ({ subject: { type: 'block', id: r.id }, detail: { kind: req.body.kind } }) },
  });

  endpoint(app, {
    method: 'DELETE', url: `${base}/blocks/:blockId`, operationId: 'removeCommentBlock', summary: 'Lift a block', tags, access, status: 204, params: Strict({ blockId: d('The block\'s id.', Id) }),
    handle: async (req) => { await removeBlock(ctx, req.params.blockId); },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/settings`, operationId: 'getCommentSettings', summary: 'Read the comment settings', tags, access, answers: CommentSettingsAnswer,
    handle: async () => publicSettings(await getCommentSettings(ctx.db), await getSettings(ctx.db)),
  });

  endpoint(app, {
    method: 'PATCH', url: `${base}/settings`, operationId: 'updateCommentSettings', summary: 'Change the comment settings', tags, access, body: SettingsPatch, answers: CommentSettingsAnswer, events: ['settings.changed'],
    description: 'comments: comment settings (comments.moderate). moderateAll, commentsCloseAfterDays: site settings, changed only with settings.manage.',
    handle: async (req) => {
      const b = req.body;
      const sitePatch: Partial<SiteSettings> = {};
      for (const k of SITE_KEYS) if (b[k] !== undefined) Object.assign(sitePatch, { [k]: b[k] });
      if (Object.keys(sitePatch).length && !can(staffOf(req).role, 'settings.manage')) {
        throw new ForbiddenError(`${Object.keys(sitePatch).join(' and ')}: site settings, which need the settings.manage capability`);
      }
      // Unknown names (an old captchaVerifyUrl among them: each provider's address is fixed in code) are refused by
      // updateCommentSettings, before anything is stored.
      if (b.comments !== undefined) await updateCommentSettings(ctx, b.comments as Partial<CommentSettings>);
      if (Object.keys(sitePatch).length) await updateSettings(ctx, sitePatch);
      return publicSettings(await getCommentSettings(ctx.db), await getSettings(ctx.db));
    },
    audit: { action: 'settings.comments', entry: (req) => ({
      subject: { type: 'settings' },
      // Which comment settings changed, with values, except the captcha secret (only that it changed).
      detail: { changed: { ...Object.fromEntries(Object.entries(req.body.comments ?? {}).map(([k, v]) => [k, k === 'captchaSecret' ? '(changed)' : v])),
        ...Object.fromEntries(SITE_KEYS.filter((k) => req.body[k] !== undefined).map((k) => [k, req.body[k]])) } },
    }) },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/bulk`, operationId: 'moderateComments', summary: 'Decide on many comments at once', tags, access, events: ['comment.changed'],
    body: Strict({ ids: d('The comments\' ids (1 to 500).', Type.Array(Id, { maxItems: 500 })), action: Action }),
    description: 'The same decision on many comments; `changed` lists the ids whose status changed.',
    handle: async (req) => {
      const result = await moderateComments(ctx, req.body.ids, req.body.action, actor(req));
      for (const id of result.changed) await auditBy(ctx, req, `comment.${req.body.action}`, { type: 'comment', id }, { bulk: true });
      return result;
    },
  });

  endpoint(app, {
    method: 'PUT', url: `${base}/articles/:articleId/open`, operationId: 'openComments', summary: "Open or close an article's comments", tags, access, events: ['article.changed'],
    params: Strict({ articleId: d('The article\'s id.', Id) }), body: Strict({ open: d('true opens comments, false closes them.', Bool) }),
    handle: async (req) => {
      await updateArticle(ctx, req.params.articleId, { commentsOpen: req.body.open }, actor(req));
      return { articleId: req.params.articleId, open: req.body.open };
    },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/:id`, operationId: 'getComment', summary: 'Read a comment with its score and reasons', tags, access, params: CommentParams, answers: CommentAnswer,
    handle: async (req) => ({ comment: await getCommentForModeration(ctx.db, req.params.id) }),
  });

  endpoint(app, {
    method: 'PATCH', url: `${base}/:id`, operationId: 'editComment', summary: "Edit a comment's text", tags, access, params: CommentParams, body: Strict({ body: d('The corrected text (plain; the edit is recorded).', Text(20_000)) }),
    events: ['comment.changed'],
    handle: async (req) => {
      await editComment(ctx, req.params.id, req.body.body, actor(req));
      return { comment: await getCommentForModeration(ctx.db, req.params.id) };
    },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/:id/block`, operationId: 'blockCommentSender', summary: 'Block the sender of a comment', tags, access, status: 201, response: { 201: Created },
    params: CommentParams, body: Strict({ kind: BlockKind }),
    description: 'Blocks the comment\'s email address, address or network without showing them to the moderator.', errors: { 409: 'That is already blocked (field value).' },
    handle: async (req) => ({ id: await blockCommentSender(ctx, req.params.id, req.body.kind, actor(req)) }),
    audit: { action: 'comment.block', entry: (req) => ({ subject: { type: 'comment', id: req.params.id }, detail: { kind: req.body.kind } }) },
  });

  endpoint(app, {
    method: 'POST', url: `${base}/:id/:action`, operationId: 'moderateComment', summary: 'Decide on one comment: approve, spam, trash, ...', tags, access, events: ['comment.changed'],
    params: Strict({ id: d('The comment\'s id.', Id), action: Action }),
    description: 'Approve, spam, trash or restore one comment; the answer has the comment as it is now.',
    handle: async (req) => {
      const result = await moderateComments(ctx, [req.params.id], req.params.action, actor(req));
      if (result.changed.length) await auditBy(ctx, req, `comment.${req.params.action}`, { type: 'comment', id: req.params.id });
      return { ...result, comment: await getCommentForModeration(ctx.db, req.params.id) };
    },
  });
}

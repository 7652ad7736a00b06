// Reader comment routes: the proof-of-work challenge, posting, reporting. Every answer comes as JSON for the
// widget (Accept: application/json) or as HTML for a browser without JavaScript, where a refused post shows
// the form again with everything the reader typed.
//
// CSRF: the article page is cached and the same for every reader, so it cannot carry a per-reader token, and a
// token shared by all readers would be readable by any attacker. Instead a state-changing post must prove it was
// sent from our own pages: browsers attach Origin to every POST (and Sec-Fetch-Site, Referer), and a page on
// another site can neither forge nor remove them. A post whose Origin names another site (or "null") is refused;
// without Origin, Sec-Fetch-Site must say same-origin, or else Referer must be ours; a post carrying none of them
// is not from a browser following our form and is refused too. Readers have no session here, so there is no
// cookie to ride on; the proof of work and the database-backed limits handle scripts that forge headers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { postComment } from '../comments/post.ts';
import { reportComment } from '../comments/reports.ts';
import { issueProofChallenge } from '../comments/bot_defence.ts';
import { getCommentSettings } from '../comments/settings.ts';
import { CommentRefusedError, commentMessage } from '../comments/messages.ts';
import { typedFields } from '../comments/validate.ts';
import { articleForComments } from '../comments/articles.ts';
import { approvedCount, shownComment } from '../comments/thread.ts';
import { t } from '../i18n/index.ts';
import { KhabarError } from '../errors.ts';
import { wantsJson } from '../http/errors.ts';
import { sendPage } from '../http/send_page.ts';
import { renderCommentHtml } from './comments_block.tsx';
import { commentAnswerPage, type AnsweredArticle, type CommentAnswer } from './comment_answer.tsx';
import { parseForm, parseJson } from '../http/bodies.ts';
import { fromOwnSite } from '../http/same_origin.ts';
import { limit } from '../http/limits.ts';

const BODY_LIMIT = 64 * 1024;

export async function commentRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  // Our own body parsers (this plugin's scope only): invalid UTF-8, repeated fields and malformed escapes are a
  // clear 400 instead of being silently replaced.
  app.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded', 'text/plain']);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try { done(null, parseForm(body as Buffer)); } catch (err) { done(err as Error, undefined); }
  });
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try { done(null, parseJson(body as Buffer)); } catch (err) { done(err as Error, undefined); }
  });

  const ownSite = async (req: FastifyRequest) => {
    if (!fromOwnSite(req, ctx.config.publicUrl)) throw new CommentRefusedError(403, 'comments.error.origin');
  };

  // Issuing a challenge is cheap (random numbers, an HMAC and one count in the pressure store, no database
  // write); its cost follows the pressure from the address, its network, the article and the site
  // (comments/bot_defence.ts). What a solved challenge buys, a post, is limited in the database.
  app.get<{ Querystring: { article?: string } }>('/comments/challenge', async (req, reply) => {
    const article = /^[1-9]\d{0,9}$/.test(req.query.article ?? '') ? `article:${req.query.article}` : '';
    const challenge = await issueProofChallenge(ctx, await getCommentSettings(ctx.db), { purpose: 'comment', ip: req.ip, target: article });
    reply.header('cache-control', 'no-store');
    return challenge;
  });

  app.post('/comments', { preHandler: ownSite }, async (req, reply) => {
    try {
      const posted = await postComment(ctx, req.body, { ip: req.ip });
      if (wantsJson(req)) {
        const shown = posted.shownStatus === 'approved' ? await commentFragment(posted.commentId) : null;
        reply.header('cache-control', 'no-store');
        return { status: posted.shownStatus, message: posted.message, ...(shown ? { commentId: posted.commentId, ...shown } : {}) };
      }
      if (posted.shownStatus === 'approved') {
        return reply.code(303).header('location', `/articles/${encodeURIComponent(posted.articleSlug)}#comment-${posted.commentId}`).send();
      }
      const article = await articleOf(req.body);
      return answer(reply, 200, article ?? { id: 0, slug: posted.articleSlug, language: posted.language }, { message: posted.message });
    } catch (caught) {
      if (!(caught instanceof KhabarError)) throw caught;
      const article = await articleOf(req.body);
      // The reader is answered in the article's language, whichever check refused the post.
      const err = article && caught instanceof CommentRefusedError ? caught.inLanguage(article.language) : caught;
      if (!article || wantsJson(req)) throw err;
      const state = { fields: typedFields(req.body), message: err.message, field: err.field };
      return answer(reply, err.status, article, { message: err.message, state });
    }
  });

  app.post<{ Params: { id: string } }>('/comments/:id/report', { preHandler: ownSite, config: limit('commentReport') }, async (req, reply) => {
    const id = /^[1-9]\d{0,9}$/.test(req.params.id) ? Number(req.params.id) : 0;
    if (!id) throw new CommentRefusedError(404, 'comments.report_missing');
    const { articleSlug } = await reportComment(ctx, id, req.ip);
    const article = await articleForComments(ctx.db, { slug: articleSlug });
    if (!article) throw new CommentRefusedError(404, 'comments.report_missing');
    const message = commentMessage('comments.reported', {}, article.language);
    if (wantsJson(req)) return { status: 'reported', message };
    return answer(reply, 200, article, { message });
  });

  // The answer is the reader's own (a refused form holds their email): a private page, never cached or indexed.
  async function answer(reply: FastifyReply, status: number, article: AnsweredArticle, shown: CommentAnswer) {
    return sendPage(reply, await commentAnswerPage(ctx, article, shown), { status, audience: 'private' });
  }

  async function articleOf(body: unknown) {
    const id = Number(typedFields(body).article_id);
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    return articleForComments(ctx.db, { id });
  }

  /** The new comment's HTML, and the thread's heading with the count that now includes it. */
  async function commentFragment(commentId: number): Promise<{ html: string; heading: string } | null> {
    const shown = await shownComment(ctx.db, commentId);
    if (!shown) return null;
    const count = await approvedCount(ctx.db, shown.articleId);
    return { html: await renderCommentHtml(ctx, shown.comment, shown.language), heading: t(shown.language, 'comments.heading', { count }) };
  }
}

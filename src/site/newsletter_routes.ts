// Reader newsletter routes: the sign-up page and form, confirmation, preferences, one-click unsubscribe (RFC 8058),
// the click-count redirect, and the relays' bounce webhooks (Amazon SES through SNS, Postmark).
// The form is checked the way the comment form is (CSRF note in comment_routes.ts): its POST must come from our own
// pages. The unsubscribe POST is the exception: mail programs send it from nowhere (RFC 8058 §3.1), and the signed
// link alone says who leaves which list; it needs no session and takes effect at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { sendPage } from '../http/send_page.ts';
import { parseForm } from '../http/bodies.ts';
import { fromOwnSite } from '../http/same_origin.ts';
import { wantsJson } from '../http/errors.ts';
import { getSettings } from '../content/settings.ts';
import { NewsletterRefusedError } from '../newsletters/messages.ts';
import { confirmSignUp, preferences, savePreferences, signUp, unsubscribe, unsubscribeTarget } from '../newsletters/subscribe.ts';
import { countClick } from '../newsletters/sending.ts';
import { signed } from '../newsletters/links.ts';
import { takePostmarkWebhook, takeSesNotification } from '../newsletters/bounces.ts';
import { messagePage, preferencesPage, signupPage, stepPage, unsubscribePage } from './newsletter_pages.tsx';

const BODY_LIMIT = 64 * 1024;
type Query = Record<string, string | undefined>;

export async function newsletterRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  app.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded', 'text/plain']);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try { done(null, parseForm(body as Buffer)); } catch (err) { done(err as Error, undefined); }
  });
  // SNS posts its JSON as text/plain; Postmark as application/json.
  for (const type of ['application/json', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
      try { done(null, JSON.parse(body as string)); } catch { done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined); }
    });
  }
  const langOf = async (v: unknown) => (typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v) ? v : (await getSettings(ctx.db)).language);
  const privatePage = (reply: FastifyReply, status: number, page: Parameters<typeof sendPage>[1]) => sendPage(reply, page, { status, audience: 'private' });

  app.get('/newsletters', async (_req, reply) => sendPage(reply, await signupPage(ctx, await langOf(undefined)), { cacheTags: ['settings', 'newsletters'] }));
  for (const language of LANGUAGES) {
    app.get(`/${language}/newsletters`, async (_req, reply) => sendPage(reply, await signupPage(ctx, language), { cacheTags: ['settings', 'newsletters'] }));
  }

  app.post('/newsletters', async (req, reply) => {
    const form = (req.body ?? {}) as Record<string, string>;
    const lang = await langOf(form.lang);
    try {
      if (!fromOwnSite(req, ctx.config.publicUrl)) throw new NewsletterRefusedError(403, 'newsletters.error.origin');
      const answer = await signUp(ctx, form, { ip: req.ip, lang });
      if (wantsJson(req)) return reply.header('cache-control', 'no-store').send({ status: answer.kind, message: answer.kind === 'check_inbox' ? t(lang, 'newsletters.check_inbox', { email: answer.email }) : t(lang, 'newsletters.step_intro', { email: answer.email }) });
      if (answer.kind === 'step') return privatePage(reply, 200, await stepPage(ctx, lang, answer));
      return privatePage(reply, 200, await messagePage(ctx, lang, t(lang, 'newsletters.check_inbox', { email: answer.email })));
    } catch (caught) {
      if (!(caught instanceof NewsletterRefusedError)) throw caught;
      const err = caught.inLanguage(lang);
      if (wantsJson(req)) return reply.code(err.status).header('cache-control', 'no-store').send({ error: err.code, message: err.message, field: err.field });
      const chosen = [...Object.keys(form).filter((k) => /^list-\d+$/.test(k)).map((k) => Number(k.slice(5))), ...(form.lists ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number)];
      const email = typeof form.email === 'string' && form.email.length <= 254 && !/[\r\n]/.test(form.email) ? form.email : '';
      return privatePage(reply, err.status, await signupPage(ctx, lang, { email, name: (form.name ?? '').slice(0, 100), chosen, message: err.message, field: err.field }));
    }
  });

  app.get('/newsletters/confirm', async (req, reply) => {
    const { lang } = await confirmSignUp(ctx, req.query as Query);
    return privatePage(reply, 200, await messagePage(ctx, lang, t(lang, 'newsletters.confirmed')));
  });

  app.get('/newsletters/preferences', async (req, reply) => {
    const view = await preferences(ctx, req.query as Query);
    if (!view) throw new NewsletterRefusedError(400, 'newsletters.link_bad');
    return privatePage(reply, 200, await preferencesPage(ctx, view, false));
  });
  app.post('/newsletters/preferences', async (req, reply) => {
    const view = await savePreferences(ctx, req.query as Query, (req.body ?? {}) as Record<string, string>, req.ip);
    return privatePage(reply, 200, await preferencesPage(ctx, view, true));
  });

  app.get('/newsletters/unsubscribe', async (req, reply) => {
    const { reader } = await unsubscribeTarget(ctx, req.query as Query);
    return privatePage(reply, 200, await unsubscribePage(ctx, reader.language, req.url));
  });
  // RFC 8058: a POST to the List-Unsubscribe address with List-Unsubscribe=One-Click; the page's button posts the same.
  app.post('/newsletters/unsubscribe', async (req, reply) => {
    const { lang, listName } = await unsubscribe(ctx, req.query as Query);
    return privatePage(reply, 200, await messagePage(ctx, lang, t(lang, 'newsletters.unsubscribed', { list: listName })));
  });

  // Click counts (only when the newsroom turned them on): a signed first-party redirect to our own story.
  app.get<{ Params: { send: string }; Querystring: Query }>('/newsletters/c/:send', async (req, reply) => {
    const sendId = Number(req.params.send);
    const url = req.query.u ?? '';
    if (!Number.isInteger(sendId) || !url.startsWith(`${ctx.config.publicUrl}/`) || !signed(ctx.secret, 'click', [sendId, url], req.query.s)) throw new NotFoundError('We could not find that link.');
    await countClick(ctx, sendId, url);
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.post('/newsletters/webhooks/ses', async (req: FastifyRequest, reply) => {
    const n = await takeSesNotification(ctx, req.body);
    return reply.send({ taken: n });
  });
  app.post<{ Params: { key: string } }>('/newsletters/webhooks/postmark/:key', async (req, reply) => {
    const n = await takePostmarkWebhook(ctx, req.params.key, req.body);
    return reply.send({ taken: n });
  });

  app.setErrorHandler(async (err, req, reply) => {
    if (err instanceof NewsletterRefusedError && !wantsJson(req) && req.method === 'GET') {
      const lang = await langOf(undefined);
      return privatePage(reply, err.status, await messagePage(ctx, lang, err.inLanguage(lang).message));
    }
    throw err;
  });
}

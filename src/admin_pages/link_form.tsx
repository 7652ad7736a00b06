// The shape every page behind a one-time link shares: GET checks the link (a clear page when it is used, expired or
// made up) and shows the form; POST checks the CSRF token, hands the form to the accounts service and follows on
// with 303, or shows the form again with what was typed and the message at its field.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { checkCsrf } from '../http/csrf.ts';
import { peekLink } from '../auth/links.ts';
import type { AuthLinkKind } from '../auth/tables.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { PageView, Problem } from './layout.tsx';
import { formFields, InvalidLink, pageView, problemOf, seeOther, tokenOf } from './page_kit.tsx';
import { sendPage } from '../http/send_page.ts';

export type OpenLink = NonNullable<Awaited<ReturnType<typeof peekLink>>>;

export interface LinkForm<F extends string> {
  path: string;
  kind: AuthLinkKind;
  /** the form's fields besides the token */
  fields: readonly F[];
  invalid: MessageKey;
  /** where the broken-link page points to next */
  next?: { href: string; label: MessageKey };
  /** Uses the link with what was typed; answers the address to go on to. */
  use(req: FastifyRequest, reply: FastifyReply, typed: Record<F, string> & { token: string }): Promise<string>;
  form(view: PageView, token: string, link: OpenLink, typed: Partial<Record<F, string>>, problem?: Problem): VNode;
  /** GET and POST without a token (the reset page asks for an email address then), else the broken-link page */
  withoutToken?: { get(req: FastifyRequest, reply: FastifyReply, view: PageView): Promise<FastifyReply>; post(req: FastifyRequest, reply: FastifyReply, view: PageView): Promise<FastifyReply> };
  /** route config of the POST (a rate limit) */
  postConfig?: FastifyContextConfig;
}

/** Whether a posted form (or its address) carries a link's token. */
export function carriesToken(req: FastifyRequest): boolean {
  return !!tokenOf(req, formFields(req.body, ['token']).token);
}

export function linkFormRoutes<F extends string>(app: FastifyInstance, page: LinkForm<F>): void {
  const { ctx } = app;
  const invalid = (view: PageView) => <InvalidLink view={view} text={page.invalid} next={page.next} />;

  app.get(page.path, async (req, reply) => {
    const view = await pageView(ctx, reply);
    const token = tokenOf(req);
    if (!token && page.withoutToken) return page.withoutToken.get(req, reply, view);
    const link = await peekLink(ctx, page.kind, token);
    if (!link) return sendPage(reply, invalid(view), { status: 400, audience: 'private' });
    return sendPage(reply, page.form(view, token, link, {}), { audience: 'private' });
  });

  app.post(page.path, { config: page.postConfig ?? {} }, async (req, reply) => {
    const typed = formFields(req.body, [...page.fields, 'token']) as Record<F | 'token', string>;
    const token = tokenOf(req, typed.token);
    const view = await pageView(ctx, reply);
    if (!token && page.withoutToken) return page.withoutToken.post(req, reply, view);
    try {
      await checkCsrf(req);
      return seeOther(reply, await page.use(req, reply, { ...typed, token }));
    } catch (err) {
      const problem = problemOf(err, reply, view.lang);
      // A link refused after all, or used up by what failed, cannot take the form again.
      const link = problem.field === 'token' ? null : await peekLink(ctx, page.kind, token);
      if (!link) return sendPage(reply, invalid(view), { status: 400, audience: 'private' });
      return sendPage(reply, page.form(view, token, link, typed, problem), { status: problem.status, audience: 'private' });
    }
  });
}

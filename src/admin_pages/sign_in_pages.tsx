// /admin/sign-in: email and password, then (for an account with two-factor authentication) /admin/sign-in/code;
// /admin/sign-out. signIn and completeTwoFactor are the JSON routes' services, throttling and its messages included.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { checkCsrf } from '../http/csrf.ts';
import { sessionOf } from '../http/staff_session.ts';
import { completeTwoFactor, signIn } from '../auth/sign_in.ts';
import { signOut } from '../http/session_steps.ts';
import { clientOf, setSessionCookie } from '../http/session_cookie.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { AdminLayout, Field, Form, FormMessage, Notice, Submit, type PageView, type Problem } from './layout.tsx';
import { formFields, pageFor, pageView, problemOf, seeOther } from './page_kit.tsx';
import { sendPage } from '../http/send_page.ts';

const PATH = '/admin/sign-in';
const CODE_PATH = '/admin/sign-in/code';
/** ?after= on the sign-in page: what just happened */
const AFTER: Record<string, MessageKey> = { 'signed-out': 'admin.sign_in.signed_out', reset: 'admin.reset.done', expired: 'admin.sign_in.again' };

function SignInForm({ view, email, problem, after }: { view: PageView; email: string; problem?: Problem; after?: MessageKey }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.sign_in.title')}>
      {after && !problem ? <Notice>{t(lang, after)}</Notice> : null}
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <Field view={view} name="email" label="admin.field.email" type="email" autocomplete="username" value={email} problem={problem} maxLength={254} />
        <Field view={view} name="password" label="admin.field.password" type="password" autocomplete="current-password" problem={problem} maxLength={1000} />
        <Submit>{t(lang, 'admin.sign_in.submit')}</Submit>
      </Form>
      <p><a href="/admin/reset">{t(lang, 'admin.sign_in.forgot')}</a></p>
    </AdminLayout>
  );
}

function CodeForm({ view, problem }: { view: PageView; problem?: Problem }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.code.title')}>
      <p>{t(lang, 'admin.code.intro')}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={CODE_PATH}>
        <Field view={view} name="code" label="admin.field.code" autocomplete="one-time-code" hint={t(lang, 'admin.field.code_hint')} problem={problem} maxLength={40} />
        <Submit>{t(lang, 'admin.code.submit')}</Submit>
      </Form>
      <p><a href={PATH}>{t(lang, 'admin.code.restart')}</a></p>
    </AdminLayout>
  );
}

export function signInPages(app: FastifyInstance): void {
  const { ctx } = app;

  app.get<{ Querystring: { after?: unknown } }>(PATH, async (req, reply) => {
    const s = await sessionOf(req);
    if (s?.stage === 'full') return seeOther(reply, '/admin');
    const after = typeof req.query.after === 'string' ? AFTER[req.query.after] : undefined;
    return sendPage(reply, <SignInForm view={await pageView(ctx, reply)} email="" after={after} />, { audience: 'private' });
  });

  app.post(PATH, async (req, reply) => {
    const f = formFields(req.body, ['email', 'password']);
    const view = await pageView(ctx, reply);
    try {
      await checkCsrf(req);
      const r = await signIn(ctx, f.email, f.password, clientOf(req), req.cookies[SESSION_COOKIE]);
      setSessionCookie(ctx, req, reply, r.token, r.stage);
      return seeOther(reply, pageFor(r.stage));
    } catch (err) {
      const problem = problemOf(err, reply, view.lang);
      return sendPage(reply, <SignInForm view={view} email={f.email} problem={problem} />, { status: problem.status, audience: 'private' });
    }
  });

  app.get(CODE_PATH, async (req, reply) => {
    const s = await sessionOf(req);
    if (s?.stage !== 'two_factor') return seeOther(reply, s ? pageFor(s.stage) : `${PATH}?after=expired`);
    return sendPage(reply, <CodeForm view={await pageView(ctx, reply)} />, { audience: 'private' });
  });

  app.post(CODE_PATH, async (req, reply) => {
    const { code } = formFields(req.body, ['code']);
    const view = await pageView(ctx, reply);
    const s = await sessionOf(req);
    if (s?.stage !== 'two_factor') return seeOther(reply, s ? pageFor(s.stage) : `${PATH}?after=expired`);
    try {
      await checkCsrf(req);
      setSessionCookie(ctx, req, reply, await completeTwoFactor(ctx, s, req.cookies[SESSION_COOKIE]!, code, clientOf(req)), 'full');
      return seeOther(reply, '/admin');
    } catch (err) {
      const problem = problemOf(err, reply, view.lang);
      // A wrong code is about the code field; waiting times and a stale form are about the whole form.
      return sendPage(reply, <CodeForm view={view} problem={problem.status === 401 ? { ...problem, field: 'code' } : problem} />, { status: problem.status, audience: 'private' });
    }
  });

  app.post('/admin/sign-out', async (req, reply) => {
    await checkCsrf(req);
    await signOut(ctx, req, reply, await sessionOf(req));
    return seeOther(reply, `${PATH}?after=signed-out`);
  });
}

// /admin/reset: without a token, "forgot my password" (requestReset answers the same words whether or not the
// address has an account); with ?token=, choosing a new password (completeReset, which signs the account out
// everywhere), then signing in with it. The same services as the JSON routes.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { completeReset, requestReset } from '../auth/invitations.ts';
import { checkCsrf } from '../http/csrf.ts';
import { t } from '../i18n/index.ts';
import { AdminLayout, Field, Form, FormMessage, HiddenUsername, NewPasswordField, Notice, Submit, type PageView, type Problem } from './layout.tsx';
import { formFields, problemOf } from './page_kit.tsx';
import { sendPage } from '../http/send_page.ts';
import { carriesToken, linkFormRoutes } from './link_form.tsx';
import { LIMITS } from '../http/limits.ts';

const PATH = '/admin/reset';

function RequestForm({ view, email, problem, done }: { view: PageView; email: string; problem?: Problem; done?: boolean }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.reset.request_title')}>
      {done ? <Notice>{t(lang, 'admin.reset.requested')}</Notice> : <p>{t(lang, 'admin.reset.request_intro')}</p>}
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <Field view={view} name="email" label="admin.field.email" type="email" autocomplete="username" value={email} problem={problem} maxLength={254} />
        <Submit>{t(lang, 'admin.reset.request_submit')}</Submit>
      </Form>
      <p><a href="/admin/sign-in">{t(lang, 'admin.sign_in.title')}</a></p>
    </AdminLayout>
  );
}

function NewPasswordForm({ view, token, email, problem }: { view: PageView; token: string; email: string; problem?: Problem }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.reset.title')}>
      <p>{t(lang, 'admin.reset.intro', { email })}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <input type="hidden" name="token" value={token} />
        <HiddenUsername email={email} />
        <NewPasswordField view={view} label="admin.field.new_password" problem={problem} />
        <Submit>{t(lang, 'admin.reset.submit')}</Submit>
      </Form>
    </AdminLayout>
  );
}

export function resetPages(app: FastifyInstance): void {
  const { ctx } = app;
  linkFormRoutes(app, {
    path: PATH,
    kind: 'reset',
    fields: ['password'],
    invalid: 'admin.reset.invalid',
    next: { href: PATH, label: 'admin.reset.ask_again' },
    async use(req, _reply, typed) {
      await completeReset(ctx, typed.token, typed.password, req.ip);
      return '/admin/sign-in?after=reset';
    },
    form: (view, token, link, _typed, problem) => <NewPasswordForm view={view} token={token} email={link.email ?? ''} problem={problem} />,
    // Asking for reset emails has the app's limit per address; using a reset link is not held back by it.
    postConfig: { rateLimit: { ...LIMITS.passwordResetRequest, hook: 'preHandler', allowList: carriesToken } },
    withoutToken: {
      get: async (_req, reply, view) => sendPage(reply, <RequestForm view={view} email="" />, { audience: 'private' }),
      async post(req, reply, view) {
        const { email } = formFields(req.body, ['email']);
        try {
          await checkCsrf(req);
          await requestReset(ctx, email, req.ip);
          return sendPage(reply, <RequestForm view={view} email={email} done />, { audience: 'private' });
        } catch (err) {
          const problem = problemOf(err, reply, view.lang);
          return sendPage(reply, <RequestForm view={view} email={email} problem={problem} />, { status: problem.status, audience: 'private' });
        }
      },
    },
  });
}

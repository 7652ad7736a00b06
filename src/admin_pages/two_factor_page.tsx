// /admin/two-factor: setting up an authenticator app, for a session the newsroom holds back until it is done
// ('enroll') and for anyone signed in without one. The key is shown as text and as an otpauth:// address; a code
// from the app turns it on (beginEnrollment and confirmEnrollment, the JSON routes' services) and the recovery
// codes are shown once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { checkCsrf } from '../http/csrf.ts';
import { sessionOf } from '../http/staff_session.ts';
import { beginEnrollment, pendingEnrollment, type Enrollment } from '../auth/two_factor.ts';
import { turnOnTwoFactor } from '../http/session_steps.ts';
import type { LiveSession } from '../auth/sessions.ts';
import { t } from '../i18n/index.ts';
import { AdminLayout, Field, Form, FormMessage, Notice, Submit, type PageView, type Problem } from './layout.tsx';
import { formFields, pageFor, pageView, problemOf, seeOther } from './page_kit.tsx';
import { sendPage } from '../http/send_page.ts';

const PATH = '/admin/two-factor';

function Frame({ view, s, children }: { view: PageView; s: LiveSession; children: ComponentChildren }): VNode {
  return (
    <AdminLayout view={view} title={t(view.lang, 'admin.two_factor.title')}>
      {s.stage === 'enroll' ? <p class="admin-alert">{t(view.lang, 'admin.two_factor.required')}</p> : null}
      {children}
    </AdminLayout>
  );
}

function StartPage({ view, s, problem }: { view: PageView; s: LiveSession; problem?: Problem }): VNode {
  return (
    <Frame view={view} s={s}>
      <p>{t(view.lang, 'admin.two_factor.intro')}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <Submit>{t(view.lang, 'admin.two_factor.begin')}</Submit>
      </Form>
    </Frame>
  );
}

function KeyPage({ view, s, e, problem }: { view: PageView; s: LiveSession; e: Enrollment; problem?: Problem }): VNode {
  const { lang } = view;
  return (
    <Frame view={view} s={s}>
      <p>{t(lang, 'admin.two_factor.key_intro')}</p>
      <p class="admin-secret"><span class="visually-hidden">{t(lang, 'admin.two_factor.key')}: </span><code>{e.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code></p>
      <p>{t(lang, 'admin.two_factor.uri')}</p>
      <p class="admin-secret"><code>{e.otpauthUrl}</code></p>
      <p>{t(lang, 'admin.two_factor.confirm_intro')}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={`${PATH}/confirm`}>
        <Field view={view} name="code" label="admin.field.code" autocomplete="one-time-code" inputMode="numeric" problem={problem} maxLength={20} />
        <Submit>{t(lang, 'admin.two_factor.confirm')}</Submit>
      </Form>
    </Frame>
  );
}

function DonePage({ view, codes }: { view: PageView; codes: string[] }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.two_factor.done_title')}>
      <p>{t(lang, 'admin.two_factor.codes')}</p>
      <ul class="admin-codes">{codes.map((c) => <li><code>{c}</code></li>)}</ul>
      <p><a class="button" href="/admin">{t(lang, 'admin.two_factor.continue')}</a></p>
    </AdminLayout>
  );
}

export function twoFactorPage(app: FastifyInstance): void {
  const { ctx } = app;
  /** The session that may set up two-factor authentication, or null (and where to go instead). */
  const enrolling = async (req: FastifyRequest): Promise<{ s: LiveSession | null; elsewhere: string }> => {
    const s = await sessionOf(req);
    if (s && (s.stage === 'full' || s.stage === 'enroll')) return { s, elsewhere: '' };
    return { s: null, elsewhere: s ? pageFor(s.stage) : '/admin/sign-in' };
  };

  app.get(PATH, async (req, reply) => {
    const { s, elsewhere } = await enrolling(req);
    if (!s) return seeOther(reply, elsewhere);
    const view = await pageView(ctx, reply);
    if (s.totp_enabled) {
      return sendPage(reply, (
        <AdminLayout view={view} title={t(view.lang, 'admin.two_factor.title')}>
          <Notice>{t(view.lang, 'admin.two_factor.already')}</Notice>
          <p><a href="/admin">{t(view.lang, 'admin.two_factor.continue')}</a></p>
        </AdminLayout>
      ), { audience: 'private' });
    }
    return sendPage(reply, <StartPage view={view} s={s} />, { audience: 'private' });
  });

  app.post(PATH, async (req, reply) => {
    const { s, elsewhere } = await enrolling(req);
    if (!s) return seeOther(reply, elsewhere);
    const view = await pageView(ctx, reply);
    try {
      await checkCsrf(req);
      return sendPage(reply, <KeyPage view={view} s={s} e={await beginEnrollment(ctx, s.user_id, view.siteName)} />, { audience: 'private' });
    } catch (err) {
      const problem = problemOf(err, reply, view.lang);
      return sendPage(reply, <StartPage view={view} s={s} problem={problem} />, { status: problem.status, audience: 'private' });
    }
  });

  app.post(`${PATH}/confirm`, async (req, reply) => {
    const { s, elsewhere } = await enrolling(req);
    if (!s) return seeOther(reply, elsewhere);
    const f = formFields(req.body, ['code']);
    const view = await pageView(ctx, reply);
    try {
      await checkCsrf(req);
      return sendPage(reply, <DonePage view={view} codes={await turnOnTwoFactor(ctx, req, reply, s, f.code)} />, { audience: 'private' });
    } catch (err) {
      const problem = problemOf(err, reply, view.lang);
      // A wrong code shows the pending key again (from the server, never from the form), to check the app.
      const e = await pendingEnrollment(ctx, s.user_id, view.siteName);
      return sendPage(reply, e ? <KeyPage view={view} s={s} e={e} problem={problem} /> : <StartPage view={view} s={s} problem={{ ...problem, field: undefined }} />, { status: problem.status, audience: 'private' });
    }
  });
}

// /admin/setup?token=: the link `serve` prints while the newsroom has no owner. The form creates the owner
// (completeSetup, the same service as the JSON route), signs them in and opens /admin.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { completeSetup } from '../auth/setup.ts';
import { signInNewAccount } from '../http/session_steps.ts';
import { t } from '../i18n/index.ts';
import { AdminLayout, Field, Form, FormMessage, NewPasswordField, Submit, type PageView, type Problem } from './layout.tsx';
import { linkFormRoutes } from './link_form.tsx';

const PATH = '/admin/setup';

function SetupForm({ view, token, typed, problem }: { view: PageView; token: string; typed: { name?: string; email?: string }; problem?: Problem }): VNode {
  const { lang } = view;
  return (
    <AdminLayout view={view} title={t(lang, 'admin.setup.title')}>
      <p>{t(lang, 'admin.setup.intro')}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <input type="hidden" name="token" value={token} />
        <Field view={view} name="name" label="admin.field.name" autocomplete="name" value={typed.name} hint={t(lang, 'admin.field.name_hint')} problem={problem} maxLength={100} />
        <Field view={view} name="email" label="admin.field.email" type="email" autocomplete="username" value={typed.email} problem={problem} maxLength={254} />
        <NewPasswordField view={view} problem={problem} />
        <Submit>{t(lang, 'admin.setup.submit')}</Submit>
      </Form>
    </AdminLayout>
  );
}

export function setupPage(app: FastifyInstance): void {
  const { ctx } = app;
  linkFormRoutes(app, {
    path: PATH,
    kind: 'setup',
    fields: ['name', 'email', 'password'],
    invalid: 'admin.setup.invalid',
    next: { href: '/admin/sign-in', label: 'admin.sign_in.title' },
    async use(req, reply, typed) {
      await signInNewAccount(ctx, req, reply, await completeSetup(ctx, typed, req.ip));
      return '/admin';
    },
    form: (view, token, _link, typed, problem) => <SetupForm view={view} token={token} typed={typed} problem={problem} />,
  });
}

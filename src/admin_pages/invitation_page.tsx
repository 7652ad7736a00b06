// /admin/invitation?token=: an invitation from an owner or admin. The form creates the account with the invited
// role (acceptInvitation, the same service as the JSON route), signs it in and opens /admin.
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { acceptInvitation } from '../auth/invitations.ts';
import { signInNewAccount } from '../http/session_steps.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { AdminLayout, Field, Form, FormMessage, HiddenUsername, NewPasswordField, Submit, type PageView, type Problem } from './layout.tsx';
import { linkFormRoutes, type OpenLink } from './link_form.tsx';

const PATH = '/admin/invitation';

function InvitationForm({ view, token, link, name, problem }: { view: PageView; token: string; link: OpenLink; name: string; problem?: Problem }): VNode {
  const { lang } = view;
  const email = link.email ?? '';
  return (
    <AdminLayout view={view} title={t(lang, 'admin.invitation.title', { name: view.siteName })}>
      <p>{t(lang, 'admin.invitation.intro', { role: t(lang, `admin.role.${link.role}` as MessageKey), email })}</p>
      <FormMessage view={view} problem={problem} />
      <Form view={view} action={PATH}>
        <input type="hidden" name="token" value={token} />
        <HiddenUsername email={email} />
        <Field view={view} name="name" label="admin.field.name" autocomplete="name" value={name} hint={t(lang, 'admin.field.name_hint')} problem={problem} maxLength={100} />
        <NewPasswordField view={view} problem={problem} />
        <Submit>{t(lang, 'admin.invitation.submit')}</Submit>
      </Form>
    </AdminLayout>
  );
}

export function invitationPage(app: FastifyInstance): void {
  const { ctx } = app;
  linkFormRoutes(app, {
    path: PATH,
    kind: 'invite',
    fields: ['name', 'password'],
    invalid: 'admin.invitation.invalid',
    async use(req, reply, typed) {
      await signInNewAccount(ctx, req, reply, await acceptInvitation(ctx, typed, req.ip));
      return '/admin';
    },
    // The name the inviter typed, if any, to start from.
    form: (view, token, link, typed, problem) => <InvitationForm view={view} token={token} link={link} name={typed.name ?? link.name} problem={problem} />,
  });
}

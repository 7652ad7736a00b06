// /admin: for now, who is signed in, where the Admin API is described, and signing out. The newsroom app
// replaces this page later. Without a finished sign-in it sends the browser to the step that is missing.
import type { FastifyInstance } from 'fastify';
import { sessionOf } from '../http/staff_session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { AdminLayout, Form } from './layout.tsx';
import { pageFor, pageView, seeOther } from './page_kit.tsx';
import { sendPage } from '../http/send_page.ts';

export function homePage(app: FastifyInstance): void {
  const { ctx } = app;

  app.get('/admin', async (req, reply) => {
    const s = await sessionOf(req);
    if (!s) return seeOther(reply, '/admin/sign-in');
    if (s.stage !== 'full') return seeOther(reply, pageFor(s.stage));
    const view = await pageView(ctx, reply);
    const { lang } = view;
    return sendPage(reply, (
      <AdminLayout view={view} title={t(lang, 'admin.home.title')}>
        <p class="admin-who">{t(lang, 'admin.home.signed_in', { name: s.name, role: t(lang, `admin.role.${s.role}` as MessageKey) })}</p>
        <p>{t(lang, 'admin.home.coming')}</p>
        <p><a href="/api/reference">{t(lang, 'admin.home.api_reference')}</a> · <a href="/api/admin/openapi.json">{t(lang, 'admin.home.api')}</a></p>
        {s.totp_enabled ? null : (
          <p>{t(lang, 'admin.home.no_two_factor')} <a href="/admin/two-factor">{t(lang, 'admin.home.set_up_two_factor')}</a></p>
        )}
        <Form view={view} action="/admin/sign-out">
          <p><button type="submit">{t(lang, 'admin.home.sign_out')}</button></p>
        </Form>
      </AdminLayout>
    ), { audience: 'private' });
  });
}

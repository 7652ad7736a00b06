// The newsroom's own HTML pages: the pages the one-time links open (owner setup, invitation, password reset),
// signing in and out, setting up two-factor authentication; server-rendered, no scripts; outside /api, so they
// are not in the OpenAPI document. They lead into the newsroom app, served at /admin (app_shell.ts).
import type { FastifyInstance } from 'fastify';
import { setupPage } from './setup_page.tsx';
import { invitationPage } from './invitation_page.tsx';
import { resetPages } from './reset_pages.tsx';
import { signInPages } from './sign_in_pages.tsx';
import { twoFactorPage } from './two_factor_page.tsx';
import { appShellRoutes } from './app_shell.ts';

export async function adminPages(app: FastifyInstance): Promise<void> {
  for (const pages of [setupPage, invitationPage, resetPages, signInPages, twoFactorPage]) pages(app);
  await app.register(appShellRoutes);
}

// The newsroom's own HTML pages: the pages the one-time links open (owner setup, invitation, password reset),
// signing in and out, setting up two-factor authentication, and /admin. Server-rendered, no scripts; outside
// /api, so they are not in the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { setupPage } from './setup_page.tsx';
import { invitationPage } from './invitation_page.tsx';
import { resetPages } from './reset_pages.tsx';
import { signInPages } from './sign_in_pages.tsx';
import { twoFactorPage } from './two_factor_page.tsx';
import { homePage } from './home_page.tsx';

export async function adminPages(app: FastifyInstance): Promise<void> {
  for (const pages of [setupPage, invitationPage, resetPages, signInPages, twoFactorPage, homePage]) pages(app);
}

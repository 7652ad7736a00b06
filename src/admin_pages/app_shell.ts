// The newsroom app (admin-ui/, built into dist/admin/ by scripts/build_admin.js): /admin and every /admin/* address
// that no sign-in page claims answer its index.html, so each screen has an address that reloads; its hashed
// files under /admin/assets/ are sent with a cache-forever header. All from our own origin, under the site's CSP
// (the build leaves no inline script). Signed-out visitors go to the sign-in page, a half-finished sign-in to
// its next step, exactly as the JS-free pages do.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionOf } from '../http/staff_session.ts';
import { getUserRow } from '../auth/users.ts';
import { sendPage } from '../http/send_page.ts';
import { dir } from '../i18n/index.ts';
import { loadSiteView } from '../site/site_view.ts';
import { pageFor, seeOther } from './page_kit.tsx';

/** dist/admin/, two folders up from this file in src/admin_pages/ and from the server bundle in dist/server/. */
export const APP_DIR = fileURLToPath(new URL('../../dist/admin/', import.meta.url));

let shell: string | null = null;
function appShell(): string | null {
  try {
    shell ??= readFileSync(`${APP_DIR}index.html`, 'utf8');
  } catch {
    return null;
  }
  return shell;
}

export async function appShellRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: `${APP_DIR}assets/`,
    prefix: '/admin/assets/',
    decorateReply: false,
    immutable: true,
    maxAge: '365d',
    // Missing files answer 404 rather than the app (a stale tab asking for an old chunk learns it must reload).
    wildcard: true,
  });

  const answer = async (req: FastifyRequest, reply: FastifyReply) => {
    const s = await sessionOf(req);
    if (!s) return seeOther(reply, '/admin/sign-in');
    if (s.stage !== 'full') return seeOther(reply, pageFor(s.stage));
    const html = appShell();
    if (!html) return reply.code(503).type('text/plain; charset=utf-8').send('The newsroom app is not built yet: run `npm run build`.');
    // The interface speaks the staff member's language, or the site's, and reads in its direction from the first paint.
    const chosen = (await getUserRow(app.ctx.db, s.user_id))?.language;
    const lang = chosen || (await loadSiteView(app.ctx)).lang;
    return sendPage(reply, html.replace('<html lang="en" dir="ltr">', `<html lang="${lang}" dir="${dir(lang)}">`), { audience: 'private' });
  };
  app.get('/admin', answer);
  app.get('/admin/*', answer);
}

// /favicon.ico, /favicon.png, /apple-touch-icon.png, /icon-192.png, /icon-512.png and /manifest.webmanifest,
// from the site's logo (src/media/icons.ts). Fixed addresses browsers ask for by name, so they are cached for a
// day and revalidated by ETag rather than cached forever.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { siteIcons, type IconFile, type IconSize } from '../media/icons.ts';
import { loadSiteView } from './site_view.ts';
import { dir } from '../i18n/index.ts';
import { namesEtag } from '../http/send_page.ts';

const CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

export const ICON_PATHS: Record<string, IconSize> = { '/favicon.png': 32, '/apple-touch-icon.png': 180, '/icon-192.png': 192, '/icon-512.png': 512 };

function sendFile(req: FastifyRequest, reply: FastifyReply, f: IconFile) {
  reply.header('cache-control', CACHE).header('etag', f.etag);
  if (namesEtag(req.headers['if-none-match'], f.etag)) return reply.code(304).send();
  return reply.type(f.type).send(f.bytes);
}

export async function iconRoutes(app: FastifyInstance): Promise<void> {
  const ctx: AppContext = app.ctx;
  const icons = async () => {
    const site = await loadSiteView(ctx);
    return siteIcons(ctx.media, site.logo?.storage_key ?? null, site.settings.name);
  };
  app.get('/favicon.ico', async (req, reply) => sendFile(req, reply, (await icons()).ico));
  for (const [path, size] of Object.entries(ICON_PATHS)) app.get(path, async (req, reply) => sendFile(req, reply, (await icons()).png[size]));
  app.get('/manifest.webmanifest', async (req, reply) => {
    const site = await loadSiteView(ctx);
    const { settings } = site;
    const manifest = {
      name: settings.name,
      short_name: settings.name.length > 12 ? Array.from(settings.name).slice(0, 12).join('') : settings.name,
      description: settings.description,
      lang: settings.language,
      dir: dir(settings.language),
      start_url: '/',
      scope: '/',
      display: 'browser',
      background_color: '#ffffff',
      theme_color: '#1d1d1b',
      icons: [192, 512].map((s) => ({ src: `/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' })),
    };
    const body = Buffer.from(JSON.stringify(manifest));
    return sendFile(req, reply, { bytes: body, type: 'application/manifest+json; charset=utf-8', etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  });
}

// GET /pages/:slug: a static page (about, contact, corrections policy) in the site's layout.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { findPublishedPage } from '../content/static_pages.ts';
import { sendPage } from '../http/send_page.ts';
import { loadSiteView } from './site_view.ts';
import { siteTags } from './cache_tags.ts';
import { Layout } from './views/layout.tsx';
import { clip } from './views/describe.ts';

export const pageHref = (slug: string) => `/pages/${encodeURIComponent(slug)}`;

export async function pageShow(ctx: AppContext, req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const page = await findPublishedPage(ctx.db, req.params.slug);
  if (!page) throw new NotFoundError('We could not find that page.');
  const site = await loadSiteView(ctx, page.language);
  return sendPage(reply, (
    <Layout site={site} title={`${page.title} | ${site.settings.name}`} description={clip(page.body_html) || page.title} canonical={`${ctx.config.publicUrl}${pageHref(page.slug)}`}>
      <article class="static-page" lang={page.language}>
        <h1>{page.title}</h1>
        {/* sanitized on the way in (src/content/sanitize.ts), like an article's body */}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: page.body_html }} />
      </article>
    </Layout>
  ), { cacheTags: [...siteTags(site), `page:${page.id}`] });
}

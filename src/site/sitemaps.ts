// /robots.txt, the sitemap index /sitemap.xml and the sitemaps it names (articles in pages, sections, authors,
// Google News). Hand-written XML: the formats are a handful of fixed elements, every value goes through xmlText.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { authorEntries, countPublishedArticles, publishedArticleEntries, recentNewsEntries, sectionEntries, type SitemapEntry } from '../content/sitemap_reading.ts';
import { loadSiteView } from './site_view.ts';
import { sendDocument } from '../http/send_page.ts';
import { articleHref, authorHref, sectionHref } from './views/parts.tsx';
import { READS } from './page_query.ts';

/** Sitemap limits (sitemaps.org): 50,000 URLs and 50 MB per file. Tests lower perPage to prove the paging. */
export const SITEMAP_LIMITS = { perPage: 50_000, maxBytes: 50 * 1024 * 1024 };
/** Slugs are at most 120 UTF-16 units (slugify); percent-encoded, one unit is at most 9 characters (a 3-byte
 * UTF-8 letter, %XX%XX%XX). */
const MAX_ENCODED_SLUG = 120 * 9;

/** Articles per sitemap: 50,000, or fewer when so many of the longest possible entries could pass 50 MB (a
 * newsroom writing Dari slugs: an encoded slug is up to 1,080 characters). Fixed per site, so an article keeps
 * its page. */
export function articlesPerSitemap(base: string): number {
  const longest = Buffer.byteLength(url(`${base}/articles/${'%D8'.repeat(MAX_ENCODED_SLUG / 3)}`, '2026-01-01T00:00:00.000Z')) + 1;
  return Math.min(SITEMAP_LIMITS.perPage, Math.floor((SITEMAP_LIMITS.maxBytes - 200) / longest));
}
/** Google News: the last 48 hours, at most 1,000 stories per news sitemap. */
export const NEWS_WINDOW_MS = 48 * 3600_000;
const NEWS_MAX = 1000;

const SM = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';
// robots.txt changes only with the code: crawlers may keep it a few minutes. Sitemaps go out as pages do.
const CACHE = 'public, max-age=300, s-maxage=300, stale-while-revalidate=600';

export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as Record<string, string>)[c]};`)
    // Control characters are not allowed in XML 1.0 at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const isoTime = (at: string) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A sitemap through the page cache: `tags` name what it lists (src/site/cache_tags.ts), so a change purges it. */
function sendXml(reply: FastifyReply, xml: string, tags?: string[]) {
  return sendDocument(reply, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, 'application/xml; charset=utf-8', { cacheTags: tags });
}

function urlset(urls: string[], extraNs = ''): string {
  return `<urlset xmlns="${SM}"${extraNs}>\n${urls.join('\n')}\n</urlset>\n`;
}

export function url(loc: string, lastmod?: string, extra = ''): string {
  return `<url><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${isoTime(lastmod)}</lastmod>` : ''}${extra}</url>`;
}

const newest = (entries: SitemapEntry[]) => entries.reduce<string | undefined>((m, e) => (!m || e.updated_at > m ? e.updated_at : m), undefined);

export async function sitemapRoutes(app: FastifyInstance): Promise<void> {
  const ctx: AppContext = app.ctx;
  const base = ctx.config.publicUrl;

  app.get('/robots.txt', READS.nothing, async (_req, reply) => {
    const lines = ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /preview', '', `Sitemap: ${base}/sitemap.xml`, ''];
    return reply.header('cache-control', CACHE).type('text/plain; charset=utf-8').send(lines.join('\n'));
  });

  app.get('/sitemap.xml', READS.nothing, async (_req, reply) => {
    const [count, sections, authors, news] = await Promise.all([
      countPublishedArticles(ctx.db), sectionEntries(ctx.db), authorEntries(ctx.db),
      recentNewsEntries(ctx.db, newsSince(ctx), NEWS_MAX),
    ]);
    const maps: [string, string | undefined][] = [[`${base}/sitemaps/sections.xml`, newest(sections)]];
    if (authors.length) maps.push([`${base}/sitemaps/authors.xml`, newest(authors)]);
    if (news.length) maps.push([`${base}/sitemaps/news.xml`, newest(news)]);
    for (let n = 1; n <= Math.ceil(count / articlesPerSitemap(base)); n++) maps.push([`${base}/sitemaps/articles-${n}.xml`, undefined]);
    const body = maps.map(([loc, lastmod]) => `<sitemap><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${isoTime(lastmod)}</lastmod>` : ''}</sitemap>`);
    return sendXml(reply, `<sitemapindex xmlns="${SM}">\n${body.join('\n')}\n</sitemapindex>\n`, ['articles', 'list:sections', 'list:people']);
  });

  app.get<{ Params: { n: string } }>('/sitemaps/articles-:n(^\\d{1,6}$).xml', READS.nothing, async (req, reply) => {
    const n = Number(req.params.n);
    const per = articlesPerSitemap(base);
    const entries = n >= 1 ? await publishedArticleEntries(ctx.db, per, (n - 1) * per) : [];
    if (!entries.length) throw new NotFoundError('There is no such sitemap.');
    return sendXml(reply, urlset(entries.map((e) => url(base + articleHref(e.slug), e.updated_at))), ['articles']);
  });

  app.get('/sitemaps/sections.xml', READS.nothing, async (_req, reply) => {
    const sections = await sectionEntries(ctx.db);
    return sendXml(reply, urlset([url(`${base}/`, newest(sections)), ...sections.map((e) => url(base + sectionHref(e.slug), e.updated_at))]),
      ['articles', 'list:sections']);
  });

  app.get('/sitemaps/authors.xml', READS.nothing, async (_req, reply) => {
    const authors = await authorEntries(ctx.db);
    if (!authors.length) throw new NotFoundError('There is no such sitemap.');
    return sendXml(reply, urlset(authors.map((e) => url(base + authorHref(e.slug), e.updated_at))), ['articles', 'list:people']);
  });

  // An empty news sitemap is still served (Google reads it as "nothing new"); the index names it only when it has stories.
  // Not kept in the page cache: stories leave it as the clock passes 48 hours, with no change to purge it.
  app.get('/sitemaps/news.xml', READS.nothing, async (_req, reply) => {
    const [site, news] = await Promise.all([loadSiteView(ctx), recentNewsEntries(ctx.db, newsSince(ctx), NEWS_MAX)]);
    const name = xmlText(site.settings.name);
    const urls = news.map((e) => url(base + articleHref(e.slug), e.updated_at,
      `<news:news><news:publication><news:name>${name}</news:name><news:language>${xmlText(e.language)}</news:language></news:publication>`
      + `<news:publication_date>${isoTime(e.published_at)}</news:publication_date><news:title>${xmlText(e.headline)}</news:title></news:news>`));
    return sendXml(reply, urlset(urls, ` xmlns:news="${NEWS}"`));
  });
}

const newsSince = (ctx: AppContext) => new Date(ctx.clock.now().getTime() - NEWS_WINDOW_MS).toISOString();

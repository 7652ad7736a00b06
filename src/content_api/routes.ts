// The public, read-only Content API face under /api/content: published articles, sections, tags and authors as JSON
// for apps. Every request carries a key the newsroom issued (Authorization: Bearer <key>, or ?key=<key>).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findArticleBySlug, listPublished, type ArticleCard, type MediaView } from '../content/reading.ts';
import { listSections } from '../content/sections.ts';
import { listTags } from '../content/tags.ts';
import { listPeople } from '../content/people.ts';
import { imageSources } from '../media/images.ts';
import { NotFoundError, UnauthorizedError } from '../errors.ts';
import { checkApiKey } from '../auth/api_keys.ts';
import { Type } from 'typebox';
import { limit } from '../http/limits.ts';

const opt = Type.Optional;
const key = Type.String({ maxLength: 100, description: 'The key, for clients that cannot send the Authorization header (it then shows in logs: prefer the header).' });
const keyOnly = Type.Object({ key: opt(key) }, { additionalProperties: false });

/** The key a request carries: `Authorization: Bearer <key>`, else `?key=<key>`. */
export function keyOf(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth) return /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? null;
  const q = (req.query as { key?: unknown } | undefined)?.key;
  return typeof q === 'string' ? q : null;
}

function image(m: MediaView | null, alt: string, publicUrl: string) {
  if (!m) return null;
  const s = imageSources(m);
  return { url: publicUrl + s.src, width: s.width, height: s.height, alt: alt || m.alt, caption: m.caption, credit: m.credit };
}

function card(a: ArticleCard, publicUrl: string) {
  return {
    id: a.id, slug: a.slug, url: `${publicUrl}/articles/${encodeURIComponent(a.slug)}`, headline: a.headline, standfirst: a.standfirst,
    language: a.language, publishedAt: a.published_at, updatedAt: a.updated_at,
    section: a.section ? { slug: a.section.slug, name: a.section.name } : null,
    hero: image(a.hero, a.hero_alt, publicUrl),
    authors: a.authors.map((p) => ({ slug: p.slug, name: p.name })),
  };
}

export async function contentApi(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const base = '/api/content';
  const url = ctx.config.publicUrl;
  const tags = ['content'];
  const security = [{ contentKey: [] }];
  const keyed = {
    config: limit('contentApi'),
    preValidation: async (req: FastifyRequest) => {
      const k = keyOf(req);
      if (!k || !(await checkApiKey(ctx, k))) throw new UnauthorizedError('A valid Content API key is required');
    },
  };

  app.get<{ Querystring: { page?: number; limit?: number; section?: string } }>(`${base}/articles`, {
    ...keyed,
    schema: { tags, security, operationId: 'contentArticles', summary: 'List published articles, newest first',
    description: 'Paged; `pages` says how many pages there are. Only published articles are listed.',
    querystring: Type.Object({ key: opt(key), page: opt(Type.Integer({ minimum: 1, maximum: 10000, description: 'Page number, from 1.' })),
      limit: opt(Type.Integer({ minimum: 1, maximum: 100, description: 'Articles per page (20 when not given).' })),
      section: opt(Type.String({ maxLength: 200, description: 'Only articles of the section with this slug (404 when there is none).' })) }, { additionalProperties: false }) },
  }, async (req) => {
    const limit = req.query.limit ?? 20;
    const page = req.query.page ?? 1;
    let sectionId: number | undefined;
    if (req.query.section) {
      sectionId = (await listSections(ctx.db)).find((s) => s.slug === req.query.section)?.id;
      if (!sectionId) throw new NotFoundError('No such section');
    }
    const { items, total } = await listPublished(ctx.db, { sectionId }, limit, (page - 1) * limit);
    return { articles: items.map((a) => card(a, url)), page, limit, total, pages: Math.ceil(total / limit) };
  });

  app.get<{ Params: { slug: string } }>(`${base}/articles/:slug`, {
    ...keyed, schema: { tags, security, operationId: 'contentArticle', summary: 'Read a published article',
      description: 'The whole article: its sanitized body HTML, tags, corrections and syndication source.',
      params: Type.Object({ slug: Type.String({ maxLength: 200, description: 'The article\'s slug, as in its address on the site.' }) }, { additionalProperties: false }), querystring: keyOnly },
  }, async (req) => {
    const a = await findArticleBySlug(ctx.db, req.params.slug);
    if (a?.status !== 'published') throw new NotFoundError('Article not found');
    return {
      article: {
        ...card(a.card, url), bodyHtml: a.body_html, wordCount: a.word_count, heroCaption: a.hero_caption, heroCredit: a.hero_credit,
        tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })), corrections: a.corrections.map((c) => ({ body: c.body, createdAt: c.created_at })),
        source: a.source ? { name: a.source.name, siteUrl: a.source.site_url, url: a.source_url, licence: a.source.licence } : null,
      },
    };
  });

  app.get(`${base}/sections`, { ...keyed, schema: { tags, security, operationId: 'contentSections', summary: 'List sections', querystring: keyOnly } }, async () => ({
    sections: (await listSections(ctx.db)).map((s) => ({ slug: s.slug, name: s.name, description: s.description, url: `${url}/section/${s.slug}` })),
  }));
  app.get(`${base}/tags`, { ...keyed, schema: { tags, security, operationId: 'contentTags', summary: 'List tags', querystring: keyOnly } }, async () => ({
    tags: (await listTags(ctx.db)).map((t) => ({ slug: t.slug, name: t.name, url: `${url}/tag/${t.slug}` })),
  }));
  app.get(`${base}/authors`, { ...keyed, schema: { tags, security, operationId: 'contentAuthors', summary: 'List authors', querystring: keyOnly } }, async () => ({
    authors: (await listPeople(ctx.db)).map((p) => ({ slug: p.slug, name: p.name, bio: p.bio, roleLabel: p.role_label, url: `${url}/author/${p.slug}` })),
  }));
}

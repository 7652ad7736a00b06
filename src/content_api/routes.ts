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
import { operation, type Access } from '../http/operation.ts';

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

/** A Content API key the newsroom issued (Authorization: Bearer <key>, or ?key=<key>), checked before the input. */
const contentKey: Access<null> = async (req) => {
  const k = keyOf(req);
  if (!k || !(await checkApiKey(req.server.ctx, k))) throw new UnauthorizedError('A valid Content API key is required');
  return null;
};

const doc = (operationId: string, summary: string, description?: string) =>
  ({ tags: ['content'], security: [{ contentKey: [] }], operationId, summary, ...(description ? { description } : {}) });

const ArticlesQuery = Type.Object({ key: opt(key), page: opt(Type.Integer({ minimum: 1, maximum: 10000, description: 'Page number, from 1.' })),
  limit: opt(Type.Integer({ minimum: 1, maximum: 100, description: 'Articles per page (20 when not given).' })),
  section: opt(Type.String({ maxLength: 200, description: 'Only articles of the section with this slug (404 when there is none).' })) }, { additionalProperties: false });
const ArticleParams = Type.Object({ slug: Type.String({ maxLength: 200, description: 'The article\'s slug, as in its address on the site.' }) }, { additionalProperties: false });

export async function contentApi(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const base = '/api/content';
  const url = ctx.config.publicUrl;
  const keyed = { method: 'GET' as const, access: contentKey, config: limit('contentApi') };

  operation(app, {
    ...keyed, url: `${base}/articles`, query: ArticlesQuery,
    doc: doc('contentArticles', 'List published articles, newest first', 'Paged; `pages` says how many pages there are. Only published articles are listed.'),
    async handle(req) {
      const limit = req.query.limit ?? 20;
      const page = req.query.page ?? 1;
      let sectionId: number | undefined;
      if (req.query.section) {
        sectionId = (await listSections(ctx.db)).find((s) => s.slug === req.query.section)?.id;
        if (!sectionId) throw new NotFoundError('No such section');
      }
      const { items, total } = await listPublished(ctx.db, { sectionId }, limit, (page - 1) * limit);
      return { articles: items.map((a) => card(a, url)), page, limit, total, pages: Math.ceil(total / limit) };
    },
  });

  operation(app, {
    ...keyed, url: `${base}/articles/:slug`, params: ArticleParams, query: keyOnly,
    doc: doc('contentArticle', 'Read a published article', 'The whole article: its sanitized body HTML, tags, corrections and syndication source.'),
    async handle(req) {
      const a = await findArticleBySlug(ctx.db, req.params.slug);
      if (a?.status !== 'published') throw new NotFoundError('Article not found');
      return {
        article: {
          ...card(a.card, url), bodyHtml: a.body_html, wordCount: a.word_count, heroCaption: a.hero_caption, heroCredit: a.hero_credit,
          tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })), corrections: a.corrections.map((c) => ({ body: c.body, createdAt: c.created_at })),
          source: a.source ? { name: a.source.name, siteUrl: a.source.site_url, url: a.source_url, licence: a.source.licence } : null,
        },
      };
    },
  });

  operation(app, {
    ...keyed, url: `${base}/sections`, query: keyOnly, doc: doc('contentSections', 'List sections'),
    handle: async () => ({ sections: (await listSections(ctx.db)).map((s) => ({ slug: s.slug, name: s.name, description: s.description, url: `${url}/section/${s.slug}` })) }),
  });
  operation(app, {
    ...keyed, url: `${base}/tags`, query: keyOnly, doc: doc('contentTags', 'List tags'),
    handle: async () => ({ tags: (await listTags(ctx.db)).map((t) => ({ slug: t.slug, name: t.name, url: `${url}/tag/${t.slug}` })) }),
  });
  operation(app, {
    ...keyed, url: `${base}/authors`, query: keyOnly, doc: doc('contentAuthors', 'List authors'),
    handle: async () => ({ authors: (await listPeople(ctx.db)).map((p) => ({ slug: p.slug, name: p.name, bio: p.bio, roleLabel: p.role_label, url: `${url}/author/${p.slug}` })) }),
  });
}

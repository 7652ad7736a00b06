// Translations in the Admin API: the stories linked as one story in several languages (the page's language switcher
// and hreflang links), read and changed from the editor's details panel. Finding the story to link is the article
// list's search (GET /api/admin/articles?q=, any language).
import type { FastifyInstance } from 'fastify';
import { linkTranslation, translationGroup } from '../content/translations.ts';
import { TranslationList } from './answers_editorial.ts';
import { endpoint } from './endpoint.ts';
import { articleFor } from './ownership.ts';
import { actorOf } from './access.ts';
import { Described as d, IdParams, NullableId, Strict } from './schemas.ts';

const base = '/api/admin/articles';
const tags = ['articles'];
const LinkBody = Strict({
  of: d('The article this one translates (any language but its own; it joins that story\'s group), or null to unlink it.', NullableId),
});

export async function translationsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  endpoint(app, {
    method: 'GET', url: `${base}/:id/translations`, operationId: 'listTranslations', summary: 'List an article\'s translations', tags, answers: TranslationList,
    access: { capability: 'articles.read' }, params: IdParams,
    description: 'Every article of its translation group, itself included, in any status: id, slug, language, headline, status.',
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'view');
      return { translations: await translationGroup(ctx.db, a.id) };
    },
  });
  endpoint(app, {
    method: 'PUT', url: `${base}/:id/translation`, operationId: 'linkTranslation', summary: 'Link an article to the story it translates', tags, answers: TranslationList,
    access: { capability: 'articles.read' }, params: IdParams, body: LinkBody, events: ['article.changed'],
    description: 'Makes the article a translation of another (both pages then offer each other in their language switcher and hreflang '
      + 'links), or unlinks it with null. A group holds one story a language: a second one in a language is refused (409, field of). The '
      + 'caller must be allowed to edit this article and to read the other.',
    errors: { 409: 'The story already has a version in this article\'s language (field of).' },
    handle: async (req) => {
      const a = await articleFor(ctx, req, req.params.id, 'edit');
      if (req.body.of !== null) await articleFor(ctx, req, req.body.of, 'view');
      return { translations: await linkTranslation(ctx, a.id, req.body.of, actorOf(req)) };
    },
    audit: { action: 'article.translation', entry: (req) => ({ subject: { type: 'article', id: req.params.id }, detail: { of: req.body.of } }) },
  });
}

// Who may touch which article, for the Admin API: the rules themselves are the content domain's
// (content/article_rules.ts), so the API, the job runner, importers and syndication obey the same ones; this file
// only names the signed-in staff member as the actor.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { articleFor as articleForActor, type ArticleAction, type ArticleRecord } from '../content/articles.ts';
import { visibleTo } from '../content/article_rules.ts';
import type { ArticleSearch } from '../content/article_search.ts';
import { actorOf } from './access.ts';

export type { ArticleAction };

/** The article, if the signed-in staff member may do `action` to it; 404 when it does not exist, 403 when not theirs. */
export function articleFor(ctx: AppContext, req: FastifyRequest, id: number, action: ArticleAction): Promise<ArticleRecord> {
  return articleForActor(ctx, actorOf(req), id, action);
}

/** The part of the article list the signed-in staff member may read (the same rule as articleFor's 'view'). */
export function readableBy(ctx: AppContext, req: FastifyRequest): Promise<Pick<ArticleSearch, 'visibleTo'>> {
  return visibleTo(ctx, actorOf(req));
}

// Who may touch which article: editors and above any; authors and contributors only their own (they created it,
// or their byline is on it). One rule for reading too: an article is readable by whoever may edit it, so its
// text, its revisions, its preview and its place in the list open to the same people. A contributor's story
// is out of their hands once it is scheduled or published.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { can, type Capability } from '../auth/capabilities.ts';
import { getArticle, type ArticleRecord } from '../content/articles.ts';
import type { ArticleSearch } from '../content/article_search.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { staffOf } from './access.ts';
import { personIdOf } from '../auth/users.ts';

export type ArticleAction = 'view' | 'edit' | 'publish' | 'delete';

const ANY: Record<ArticleAction, Capability> = {
  view: 'articles.edit_any',
  edit: 'articles.edit_any',
  publish: 'articles.publish_any',
  delete: 'articles.delete_any',
};

const LOCKED_FOR_WRITERS = ['scheduled', 'published', 'archived'];

/** The article, if the signed-in staff member may do `action` to it; 404 when it does not exist, 403 when not theirs. */
export async function articleFor(ctx: AppContext, req: FastifyRequest, id: number, action: ArticleAction): Promise<ArticleRecord> {
  const staff = staffOf(req);
  const a = await getArticle(ctx.db, id);
  if (!a) throw new NotFoundError('Article not found');
  if (can(staff.role, ANY[action])) return a;
  const personId = await personIdOf(ctx.db, staff.id);
  const own = a.created_by === staff.id || (personId !== null && a.authorIds.includes(personId));
  if (!own) throw new ForbiddenError('This article belongs to someone else');
  if (action === 'edit' && !can(staff.role, 'articles.publish_own') && LOCKED_FOR_WRITERS.includes(a.status)) {
    throw new ForbiddenError(`This article is ${a.status}; ask an editor to change it`);
  }
  return a;
}

/** The part of the article list the signed-in staff member may read (the same rule as articleFor's 'view'). */
export async function readableBy(ctx: AppContext, req: FastifyRequest): Promise<Pick<ArticleSearch, 'visibleTo'>> {
  const staff = staffOf(req);
  if (can(staff.role, ANY.view)) return {};
  return { visibleTo: { userId: staff.id, personId: await personIdOf(ctx.db, staff.id) } };
}

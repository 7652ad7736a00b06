// Who may do what to which article, decided here so that the Admin API, the job runner, importers and syndication
// all obey the same rules. Editors and above: any article. Authors and contributors: their own (they created it,
// or their byline is on it). Reading follows editing: an article is readable by whoever may edit it. A writer who
// may not publish (a contributor always; an author when the site says authors submit for review) hands the story
// over once it is scheduled or published. Khabar itself (an actor without a role) may do everything.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { can, type Capability, type Role } from '../auth/capabilities.ts';
import { personIdOf } from '../auth/users.ts';
import { ForbiddenError } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { ArticleSearch } from './article_search.ts';
import { getSettings } from './settings.ts';
import type { ArticleStatus } from './tables.ts';

export type ArticleAction = 'view' | 'edit' | 'publish' | 'delete';

/** The moves the editor offers; `allowedMoves` says which this person may make now. */
export type ArticleMove = 'submit' | 'publish' | 'update' | 'schedule' | 'unpublish' | 'archive' | 'send_back' | 'discard';

const ANY: Record<ArticleAction, Capability> = {
  view: 'articles.edit_any',
  edit: 'articles.edit_any',
  publish: 'articles.publish_any',
  delete: 'articles.delete_any',
};

const OWN: Record<ArticleAction, Capability> = {
  view: 'articles.read',
  edit: 'articles.edit_own',
  publish: 'articles.publish_own',
  delete: 'articles.delete_own',
};

/** The statuses in which an article is out of the hands of a writer who may not publish. */
export const LOCKED_FOR_WRITERS: readonly ArticleStatus[] = ['scheduled', 'published', 'archived'];

/** Whether the actor holds a capability; Khabar itself (no role: a job, an importer, the demo) holds every one. */
export function actorCan(actor: Actor, capability: Capability): boolean {
  return actor.role === undefined || can(actor.role, capability);
}

/** Whose articles a staff member may read and change when they may not reach everyone's. */
export interface ArticleReader {
  userId: number;
  personId: number | null;
}

/** The reader the actor is limited to, or null when they may read every article (the rule of 'view'). */
export async function readerOf(db: Db, actor: Actor): Promise<ArticleReader | null> {
  if (actorCan(actor, ANY.view) || actor.userId === null) return null;
  return { userId: actor.userId, personId: await personIdOf(db, actor.userId) };
}

interface Owned {
  status: ArticleStatus;
  created_by: number | null;
  authorIds: number[];
}

/** Whether this role hands stories to an editor instead of publishing them (the site's review setting for authors). */
export async function mustSubmit(db: Db, role: Role): Promise<boolean> {
  if (!can(role, 'articles.publish_own')) return true;
  if (can(role, 'articles.publish_any')) return false;
  return (await getSettings(db)).authorsSubmitForReview;
}

async function owns(db: Db, actor: Actor, a: Owned): Promise<boolean> {
  if (actor.userId === null) return false;
  if (a.created_by === actor.userId) return true;
  const personId = await personIdOf(db, actor.userId);
  return personId !== null && a.authorIds.includes(personId);
}

/** Throws ForbiddenError (with a message the person can act on) unless the actor may do `action` to the article. */
export async function checkArticleAccess(ctx: AppContext, actor: Actor, a: Owned, action: ArticleAction): Promise<void> {
  const role = actor.role;
  if (!role || actorCan(actor, ANY[action])) return;
  if (!can(role, OWN[action])) {
    throw new ForbiddenError(action === 'publish' ? 'Your role does not publish: submit the story for review' : 'Your role does not allow this');
  }
  if (!(await owns(ctx.db, actor, a))) throw new ForbiddenError('This article belongs to someone else');
  const submits = await mustSubmit(ctx.db, role);
  if (action === 'publish' && submits) throw new ForbiddenError('Stories are reviewed before they are published here: submit it for review and an editor will publish it');
  if (action === 'edit' && submits && LOCKED_FOR_WRITERS.includes(a.status)) {
    throw new ForbiddenError(`This article is ${a.status}; ask an editor to change it`);
  }
}

async function allows(ctx: AppContext, actor: Actor, a: Owned, action: ArticleAction): Promise<boolean> {
  try {
    await checkArticleAccess(ctx, actor, a, action);
    return true;
  } catch (err) {
    if (err instanceof ForbiddenError) return false;
    throw err;
  }
}

/** The moves this actor may make on the article as it is now (the editor shows these buttons, the server checks again). */
export async function allowedMoves(ctx: AppContext, actor: Actor, a: Owned, hasChanges: boolean): Promise<ArticleMove[]> {
  const s = a.status;
  const edit = await allows(ctx, actor, a, 'edit');
  const publish = await allows(ctx, actor, a, 'publish');
  const moves: ArticleMove[] = [];
  if (s === 'draft' && edit && !publish) moves.push('submit');
  if (publish && (s === 'draft' || s === 'review' || s === 'scheduled')) moves.push('publish', 'schedule');
  if (publish && hasChanges && (s === 'published' || s === 'scheduled')) moves.push('update');
  if (s === 'review' && publish && actorCan(actor, 'articles.publish_any')) moves.push('send_back');
  if (publish && (s === 'published' || s === 'scheduled')) moves.push('unpublish');
  if (publish && s !== 'archived') moves.push('archive');
  if (hasChanges && edit) moves.push('discard');
  return moves;
}

/** The part of the article list the actor may read (the same rule as 'view'). */
export async function visibleTo(ctx: AppContext, actor: Actor): Promise<Pick<ArticleSearch, 'visibleTo'>> {
  const reader = await readerOf(ctx.db, actor);
  return reader ? { visibleTo: reader } : {};
}

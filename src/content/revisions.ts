// Article revisions: every save is kept; editors list, compare and restore them.
import { diffWords } from 'diff';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { NotFoundError } from '../errors.ts';
import { plainText } from './sanitize.ts';
import type { Actor } from './actor.ts';

export interface RevisionFields {
  slug: string;
  sectionId: number | null;
  tags: string[];
  authorIds: number[];
  heroMediaId: number | null;
  heroCaption: string;
  heroCredit: string;
  heroAlt: string;
  language: string;
  commentsOpen: boolean;
  /** absent in revisions saved before the flag existed */
  noSyndication?: boolean;
  sourceId: number | null;
  sourceUrl: string | null;
  /** absent in revisions kept before migration 0013 */
  seoTitle?: string;
  seoDescription?: string;
}

interface Snapshot {
  id: number;
  headline: string;
  standfirst: string;
  body_html: string;
}

/** Stores a revision of the article as it is now. Autosaves by the same person replace each other. */
export async function recordRevision(ctx: AppContext, a: Snapshot, fields: RevisionFields, actor: Actor, note: string): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const values = { headline: a.headline, standfirst: a.standfirst, body_html: a.body_html, fields: JSON.stringify(fields), created_by: actor.userId, created_at: now, note };
  if (note === 'autosave') {
    const last = await ctx.db.selectFrom('article_revisions').select(['id', 'note', 'created_by']).where('article_id', '=', a.id)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (last && last.note === 'autosave' && last.created_by === actor.userId) {
      await ctx.db.updateTable('article_revisions').set(values).where('id', '=', last.id).execute();
      return last.id;
    }
  }
  const { id } = await ctx.db.insertInto('article_revisions').values({ article_id: a.id, ...values }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Revisions of an article, newest first (without bodies). */
export async function listRevisions(db: Db, articleId: number) {
  return db.selectFrom('article_revisions').select(['id', 'article_id', 'headline', 'created_by', 'created_at', 'note'])
    .where('article_id', '=', articleId).orderBy('id', 'desc').execute();
}

export async function getRevision(db: Db, revisionId: number) {
  const r = await db.selectFrom('article_revisions').selectAll().where('id', '=', revisionId).executeTakeFirst();
  if (!r) return null;
  return { ...r, fields: JSON.parse(r.fields) as RevisionFields };
}

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** Word-level differences in headline, standfirst and body text from revision a to revision b. */
export async function diffRevisions(db: Db, articleId: number, aId: number, bId: number) {
  const [a, b] = await Promise.all([getRevision(db, aId), getRevision(db, bId)]);
  if (!a || !b || a.article_id !== articleId || b.article_id !== articleId) throw new NotFoundError('Revision not found');
  const parts = (x: string, y: string): DiffPart[] => diffWords(x, y).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
  return {
    from: aId,
    to: bId,
    headline: parts(a.headline, b.headline),
    standfirst: parts(a.standfirst, b.standfirst),
    body: parts(plainText(a.body_html), plainText(b.body_html)),
  };
}

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

/** How long an autosaved checkpoint keeps being replaced by the next autosave of the same person: a revision is
 * kept at least this often while someone types, never one per keystroke. */
export const CHECKPOINT_MS = 3 * 60_000;

/** Stores a revision of the article as it is now (in the caller's transaction when given). An autosave by the same
 * person replaces their previous autosave while that one is younger than CHECKPOINT_MS (the injected clock). */
export async function recordRevision(ctx: AppContext, a: Snapshot, fields: RevisionFields, actor: Actor, note: string, db: Db = ctx.db): Promise<number> {
  const now = ctx.clock.now();
  const values = { headline: a.headline, standfirst: a.standfirst, body_html: a.body_html, fields: JSON.stringify(fields), created_by: actor.userId, created_at: now.toISOString(), note };
  if (note === 'autosave') {
    const last = await db.selectFrom('article_revisions').select(['id', 'note', 'created_by', 'created_at']).where('article_id', '=', a.id)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (last && last.note === 'autosave' && last.created_by === actor.userId && now.getTime() - Date.parse(last.created_at) < CHECKPOINT_MS) {
      // the checkpoint keeps the time it was started, so the next one begins CHECKPOINT_MS later
      await db.updateTable('article_revisions').set({ ...values, created_at: last.created_at }).where('id', '=', last.id).execute();
      return last.id;
    }
  }
  const { id } = await db.insertInto('article_revisions').values({ article_id: a.id, ...values }).returning('id').executeTakeFirstOrThrow();
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

/** The words of an article that a comparison looks at. */
export interface ComparedText {
  headline: string;
  standfirst: string;
  body_html: string;
}

/** Word-level differences in headline, standfirst and body text from a to b. */
export function diffTexts(a: ComparedText, b: ComparedText) {
  const parts = (x: string, y: string): DiffPart[] => diffWords(x, y).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
  // plainText keeps paragraphs apart (a blank line between), so a comparison reads as the story does
  const body = parts(plainText(a.body_html), plainText(b.body_html));
  return {
    headline: parts(a.headline, b.headline),
    standfirst: parts(a.standfirst, b.standfirst),
    body,
    changed: [a.headline !== b.headline, a.standfirst !== b.standfirst, a.body_html !== b.body_html].some(Boolean),
  };
}

/** Word-level differences in headline, standfirst and body text from revision a to revision b. */
export async function diffRevisions(db: Db, articleId: number, aId: number, bId: number) {
  const [a, b] = await Promise.all([getRevision(db, aId), getRevision(db, bId)]);
  if (!a || !b || a.article_id !== articleId || b.article_id !== articleId) throw new NotFoundError('Revision not found');
  return { from: aId, to: bId, ...diffTexts(a, b) };
}

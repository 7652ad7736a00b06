// Translations: articles linked into one group (the id of the story first written) read as the same story in
// other languages. The page offers the others through its language switcher and hreflang links.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { articlesBeyond } from './actor_rules.ts';

export interface TranslationLink {
  id: number;
  slug: string;
  language: string;
  headline: string;
}

/** The group an article joins when it is called a translation of `of`: that story's own group. Joining a group
 *  gives every story in it a language switcher link and hreflang, so a writer may join only a group of stories
 *  they may change themselves (editors any). */
export async function translationGroupOf(db: Db, of: number, actor: Actor, self: { id: number; translation_group: number | null } | null): Promise<number> {
  const a = await db.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', of).executeTakeFirst();
  if (!a) throw new ValidationError('translationOf', 'translationOf names no article');
  const group = a.translation_group ?? a.id;
  if (self && (self.translation_group ?? self.id) === group) return group;
  const members = await db.selectFrom('articles').select('id').where(sql<number>`coalesce(translation_group, id)`, '=', group)
    .where('id', '!=', self?.id ?? 0).execute();
  if (await articlesBeyond(db, actor, members.map((m) => m.id))) {
    throw new ForbiddenError('translationOf names a story you may not change (it, or a translation linked to it, is someone else\'s or out of your hands); ask an editor to link them');
  }
  return group;
}

/** The published articles of an article's group in other languages than its own, one a language, oldest first. */
export async function publishedTranslations(db: Db, a: { id: number; language: string; translation_group: number | null }): Promise<TranslationLink[]> {
  const group = a.translation_group ?? a.id;
  const rows = await db.selectFrom('articles').select(['id', 'slug', 'language', 'headline'])
    .where(sql<number>`coalesce(translation_group, id)`, '=', group).where('id', '!=', a.id).where('status', '=', 'published')
    .orderBy('published_at').orderBy('id').execute();
  const seen = new Set<string>([a.language]);
  return rows.filter((r) => !seen.has(r.language) && seen.add(r.language));
}

export interface TranslationMember extends TranslationLink {
  status: string;
}

/** Every article of an article's translation group, itself included, in any status, oldest first. */
export async function translationGroup(db: Db, id: number): Promise<TranslationMember[]> {
  const a = await db.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', id).executeTakeFirst();
  if (!a) throw new NotFoundError('Article not found');
  const group = a.translation_group ?? a.id;
  return db.selectFrom('articles').select(['id', 'slug', 'language', 'headline', 'status'])
    .where(sql<number>`coalesce(translation_group, id)`, '=', group).orderBy('id').execute();
}

/**
 * Links an article to the story it translates (`of`), or unlinks it (null): it joins that story's group, leaving its
 * own. A group holds one story a language: a second Dari version is refused, naming the one already there. Every
 * page of both groups changes (their language switchers and hreflang links), so each member is announced.
 */
export async function linkTranslation(ctx: AppContext, id: number, of: number | null, actor: Actor): Promise<TranslationMember[]> {
  const before = await translationGroup(ctx.db, id);
  const row = await ctx.db.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', id).executeTakeFirstOrThrow();
  const self = before.find((m) => m.id === id)!;
  if (of === id) throw new ValidationError('of', 'An article cannot be a translation of itself');
  let after: TranslationMember[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    if (of !== null) {
      const target = await translationGroup(trx, of).catch(() => {
        throw new ValidationError('of', 'of names no article');
      });
      const same = target.find((m) => m.language === self.language && m.id !== id);
      if (same) throw new ConflictError(`"${same.headline}" is already this story in that language; unlink it first`, 'of');
    }
    // The story leaving a group it founded hands the group on to the oldest of the others.
    const others = before.filter((m) => m.id !== id);
    if (others.length && others[0].id > id) {
      const heir = others[0].id;
      await trx.updateTable('articles').set({ translation_group: heir }).where('id', 'in', others.map((m) => m.id)).execute();
    }
    // The story's group and the one it joins must both be the actor's to change (content rules, actor_rules.ts).
    const group = of === null ? null : await translationGroupOf(trx, of, actor, row);
    await trx.updateTable('articles').set({ translation_group: group }).where('id', '=', id).execute();
    after = of === null ? [self] : await translationGroup(trx, of);
  });
  const touched = new Map([...before, ...after].map((m) => [m.id, m]));
  for (const m of touched.values()) await ctx.events.emit('article.changed', { articleId: m.id, slug: m.slug, reason: 'translations' });
  return after;
}

// Translations: articles linked into one group (the id of the story first written) read as the same story in
// other languages. The page offers the others through its language switcher and hreflang links.
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
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

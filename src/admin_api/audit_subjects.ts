// The audit log as people read it: each entry's subject ("article:12", "comment:5", "front:home:fa") with a title in
// the newsroom's words (the story's headline, the front's page) and the app address to open it, from the domains
// that own them.
import type { AppContext } from '../context.ts';
import { articleTitles, sectionNames } from '../content/subjects.ts';
import { commentSubjects } from '../comments/subjects.ts';

export interface Subject {
  /** the story's headline, the section's name, the front ("home:fa"), ... ; null when it no longer exists */
  title: string | null;
  /** where the app shows it */
  href: string | null;
  /** the commenter, for a comment */
  commenter?: string;
}

const idOf = (subject: string, type: string): number | null => {
  const m = new RegExp(`^${type}:(\\d+)$`).exec(subject);
  return m ? Number(m[1]) : null;
};

/** Each entry with `about`: what its subject is called and where to open it. */
export async function withSubjects<E extends { subject: string }>(ctx: AppContext, entries: E[]): Promise<(E & { about: Subject | null })[]> {
  const ids = (type: string) => entries.map((e) => idOf(e.subject, type)).filter((x): x is number => x !== null);
  const comments = await commentSubjects(ctx.db, ids('comment'));
  const [articles, sections] = await Promise.all([
    articleTitles(ctx.db, [...ids('article'), ...[...comments.values()].map((c) => c.articleId)]),
    sectionNames(ctx.db, ids('section')),
  ]);
  const article = (id: number): Subject => ({ title: articles.get(id)?.headline ?? null, href: articles.has(id) ? `/admin/articles/${id}` : null });
  return entries.map((e) => {
    const [type, rest] = [e.subject.split(':', 1)[0], e.subject.slice(e.subject.indexOf(':') + 1)];
    const id = idOf(e.subject, type);
    let about: Subject | null = null;
    if (type === 'article' && id !== null) about = article(id);
    else if (type === 'comment' && id !== null) {
      const c = comments.get(id);
      about = c ? { ...article(c.articleId), commenter: c.authorName } : { title: null, href: null };
    } else if (type === 'section' && id !== null) about = { title: sections.get(id) ?? null, href: '/admin/sections' };
    else if (type === 'front') about = { title: rest, href: `/admin/fronts?front=${encodeURIComponent(rest)}` };
    else if (type === 'breaking') about = { title: rest, href: '/admin/fronts' };
    return { ...e, about };
  });
}

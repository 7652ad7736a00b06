// WordPress authors become people, categories (nested) sections with their parent, tags tags. Names and slugs in
// Arabic script arrive percent-encoded in the export and are decoded here. An existing row with the same slug is
// reused, so moving into a newsroom that already has "world" joins the two.
import { slugify } from '../content/sanitize.ts';
import { ensurePerson, ensureSection, ensureTag } from '../content/imported.ts';
import type { ImportRun } from './run.ts';
import type { WxrAuthor, WxrTerm } from './wxr_reader.ts';

/** A WordPress slug as a reader sees it: percent-encoding undone (a broken escape is left as it is). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.trim());
  } catch {
    return slug.trim();
  }
}

/** A Khabar slug from a WordPress one, falling back to the name, then to `fallback`. */
export function khabarSlug(wpSlug: string, name: string, fallback: string): string {
  return slugify(decodeSlug(wpSlug)) || slugify(name) || fallback;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export async function importAuthor(run: ImportRun, a: WxrAuthor): Promise<void> {
  const key = a.login || a.id;
  if (!key) return run.warn('author without a login', 'skipped');
  if (await run.mapped('author', key)) return run.count('people', 'unchanged');
  const name = clip(a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login, 200);
  const slug = khabarSlug(a.login, name, `author-${a.id || 'x'}`);
  const id = await run.item('people', `author ${a.login}`, async (trx) => {
    const personId = await ensurePerson(trx, { slug, name, bio: '', createdAt: run.ctx.clock.now().toISOString() });
    await run.remember(trx, 'author', key, personId);
    return personId;
  });
  if (id !== undefined) run.count('people', 'added');
}

/** Imports the terms of the export's head; a category whose parent comes later waits for it. */
export async function importTerms(run: ImportRun, terms: WxrTerm[]): Promise<void> {
  let waiting = terms;
  for (let pass = 0; waiting.length && pass < 50; pass++) {
    const later: WxrTerm[] = [];
    for (const t of waiting) {
      const parentKnown = !t.parent || (await run.mapped('category', decodeSlug(t.parent))) !== null || !waiting.some((o) => o.kind === 'category' && decodeSlug(o.slug) === decodeSlug(t.parent));
      if (t.kind === 'category' && !parentKnown) later.push(t);
      else await importTerm(run, t);
    }
    if (later.length === waiting.length) {
      for (const t of later) run.warn(`category ${decodeSlug(t.slug)}`, 'its parent chain loops; imported without a parent');
      for (const t of later) await importTerm(run, { ...t, parent: '' });
      return;
    }
    waiting = later;
  }
}

/** One category or tag (from the head, or first met on a post); returns its section or tag id. */
export async function importTerm(run: ImportRun, t: WxrTerm, fromPost = false): Promise<number | undefined> {
  const key = decodeSlug(t.slug) || t.name;
  const kind = t.kind;
  const counted = kind === 'category' ? 'sections' : 'tags';
  if (!key) {
    run.warn(`${kind} without a slug or name`, 'skipped');
    return undefined;
  }
  const known = await run.mapped(kind, key);
  if (known !== null) {
    if (!fromPost) run.count(counted, 'unchanged');
    return known;
  }
  const name = clip(decodeSlug(t.name || key), kind === 'category' ? 200 : 60);
  const slug = khabarSlug(t.slug, name, `${kind}-${t.id || 'x'}`);
  const parentId = kind === 'category' && t.parent ? await run.mapped('category', decodeSlug(t.parent)) : null;
  const id = await run.item(counted, `${kind} ${key}`, async (trx) => {
    const newId = kind === 'category'
      ? await ensureSection(trx, { slug, name, description: clip(t.description, 1000), parentId, position: 'last', createdAt: run.ctx.clock.now().toISOString() })
      : await ensureTag(trx, slug, name);
    await run.remember(trx, kind, key, newId);
    return newId;
  });
  if (id !== undefined) run.count(counted, 'added');
  return id;
}

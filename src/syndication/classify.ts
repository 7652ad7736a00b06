// Which of our sections a partner story goes to, and why (shown in the review queue): the partner's own
// category through the source's mapping first, then the source's word rules, then what editors taught by
// correcting earlier stories (multinomial naive Bayes over their words, as the comment spam classifier learns
// from moderators), then the source's default section.
import type { Db } from '../db/schema.ts';
import { getSectionBySlug } from '../content/sections.ts';

export interface SourceRules {
  section_id: number | null;
  category_map: string;
  rules: string;
}

export interface Classification {
  sectionId: number | null;
  why: string;
}

/** Below this many lessons the learnt classifier stays silent; below this probability it is not trusted. */
export const MIN_LESSONS = 3;
export const MIN_CONFIDENCE = 0.6;

/** Folded words of 3+ letters (Arabic-script letter forms unified), each once. */
export function storyWords(text: string): string[] {
  const all = text.toLowerCase().replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200c/g, '').match(/[\p{L}\p{N}]{3,30}/gu) ?? [];
  return [...new Set(all)].slice(0, 400);
}

function parsed<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

async function sectionIdBySlug(db: Db, slug: string): Promise<number | null> {
  return (await getSectionBySlug(db, slug))?.id ?? null;
}

/** The learnt guess: the likeliest section and its probability, or null without enough lessons. */
export async function learntGuess(db: Db, words: string[]): Promise<{ sectionId: number; p: number } | null> {
  const lessons = await db.selectFrom('section_lessons').select(['section_id', 'words']).orderBy('id', 'desc').limit(2000).execute();
  if (lessons.length < MIN_LESSONS) return null;
  const bySection = new Map<number, { docs: number; total: number; counts: Map<string, number> }>();
  const vocabulary = new Set<string>();
  for (const l of lessons) {
    const s = bySection.get(l.section_id) ?? { docs: 0, total: 0, counts: new Map<string, number>() };
    s.docs++;
    for (const w of parsed<string[]>(l.words, [])) {
      s.counts.set(w, (s.counts.get(w) ?? 0) + 1);
      s.total++;
      vocabulary.add(w);
    }
    bySection.set(l.section_id, s);
  }
  if (bySection.size < 2) return null;
  const known = words.filter((w) => vocabulary.has(w));
  const scores = [...bySection].map(([id, s]) => {
    let log = Math.log(s.docs / lessons.length);
    for (const w of known) log += Math.log(((s.counts.get(w) ?? 0) + 1) / (s.total + vocabulary.size));
    return { id, log };
  });
  const top = Math.max(...scores.map((s) => s.log));
  const sum = scores.reduce((acc, s) => acc + Math.exp(s.log - top), 0);
  const best = scores.find((s) => s.log === top)!;
  return { sectionId: best.id, p: Math.round((1 / sum) * 100) / 100 };
}

/** Picks the section for a story from `source` with the partner's `categories` and its text. */
export async function chooseSection(db: Db, source: SourceRules, story: { categories: string[]; text: string }): Promise<Classification> {
  const map = parsed<Record<string, string>>(source.category_map, {});
  const folded = new Map(Object.entries(map).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const category of story.categories) {
    const slug = folded.get(category.trim().toLowerCase());
    const id = slug ? await sectionIdBySlug(db, slug) : null;
    if (id) return { sectionId: id, why: `the partner's category "${category}" maps to ${slug}` };
  }
  const words = storyWords(story.text);
  const present = new Set(words);
  for (const rule of parsed<{ words: string[]; section: string }[]>(source.rules, [])) {
    const hit = rule.words.find((w) => storyWords(w).every((x) => present.has(x)));
    const id = hit ? await sectionIdBySlug(db, rule.section) : null;
    if (hit && id) return { sectionId: id, why: `the source's rule: mentions "${hit}"` };
  }
  const guess = await learntGuess(db, words);
  if (guess && guess.p >= MIN_CONFIDENCE) return { sectionId: guess.sectionId, why: `learnt from editors' corrections (${Math.round(guess.p * 100)}% sure)` };
  if (source.section_id) return { sectionId: source.section_id, why: "the source's default section" };
  return { sectionId: null, why: 'no rule matched and no default section' };
}

/** An editor's correction: this story's words belong in `sectionId`. */
export async function learnSection(db: Db, sectionId: number, text: string, at: string): Promise<void> {
  await db.insertInto('section_lessons').values({ section_id: sectionId, words: JSON.stringify(storyWords(text)), created_at: at }).execute();
}

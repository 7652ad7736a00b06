// Builds a demo story's body: its own paragraphs first, then a deterministic draw of the section's background
// paragraphs, subheads, a pull quote and now and then a list, until the story reaches its target length.
import { countWords, plainText, sanitizeBody } from '../content/sanitize.ts';
import type { DemoArticle, SectionContext } from './types.ts';

/** A small seeded generator (mulberry32): the same seed always gives the same newsroom. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Orders paragraphs so that every prefix shares as few paragraphs as possible with any earlier story. */
function leastShared(candidates: string[], earlier: Set<string>[]): string[] {
  const left = [...candidates];
  const shared = earlier.map(() => 0);
  const out: string[] = [];
  while (left.length) {
    let best = 0;
    let bestScore = Infinity;
    left.forEach((text, i) => {
      const worst = Math.max(0, ...earlier.map((e, j) => shared[j] + (e.has(text) ? 1 : 0)));
      const total = earlier.reduce((sum, e) => sum + (e.has(text) ? 1 : 0), 0);
      const score = worst * 1000 + total;
      if (score < bestScore) { best = i; bestScore = score; }
    });
    const [text] = left.splice(best, 1);
    earlier.forEach((e, j) => { if (e.has(text)) shared[j]++; });
    out.push(text);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (s: string) => `<p>${esc(s)}</p>`;
const h2 = (s: string) => `<h2>${esc(s)}</h2>`;

/** Words the stored article will count (the same measure the article service stores). */
export function wordsOf(html: string): number {
  return countWords(plainText(sanitizeBody(html)));
}

export const MIN_WORDS = 600;
export const MAX_WORDS = 1500;

/** The body HTML of one story; `seed` varies the draw so no two stories read the same. Pass the same `earlier`
 * list for every story of a section and each story leans on the background its predecessors used least. */
export function composeBody(a: DemoArticle, context: SectionContext, seed: number, earlier: Set<string>[] = []): string {
  const random = seeded(seed * 7919 + 17);
  const target = 630 + Math.floor(random() * 220);
  const background = leastShared(shuffled(context.paragraphs, random), earlier);
  const subheads = shuffled(context.subheads, random);
  const list = context.lists.length && random() < 0.6 ? context.lists[Math.floor(random() * context.lists.length)] : null;
  const own = [...a.paras];
  const blocks: string[] = [p(own.shift()!), p(own.shift()!)];
  const quote = `<blockquote><p>${esc(a.quote[0])}</p><p>— ${esc(a.quote[1])}</p></blockquote>`;
  const listHtml = list ? `${p(list.intro)}<ul>${list.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
  // Sections of the piece: subhead, then background and the story's remaining paragraphs interleaved.
  let section = 0;
  let quoted = false;
  let listed = !list;
  const wordsNow = () => wordsOf(blocks.join('') + (quoted ? '' : quote) + (listed ? '' : listHtml) + own.map(p).join(''));
  while (background.length && wordsNow() < target) {
    if (section < subheads.length) blocks.push(h2(subheads[section++]));
    blocks.push(p(background.shift()!));
    if (!quoted) { blocks.push(quote); quoted = true; }
    if (own.length) blocks.push(p(own.shift()!));
    else if (background.length && wordsNow() < target) blocks.push(p(background.shift()!));
    if (!listed && section === 2) { blocks.push(listHtml); listed = true; }
  }
  if (!quoted) blocks.push(quote);
  if (!listed) blocks.push(listHtml);
  for (const rest of own) blocks.push(p(rest));
  earlier.push(new Set(context.paragraphs.filter((text) => blocks.includes(p(text)))));
  let html = blocks.join('\n');
  // Never longer than the newsroom's upper bound: drop trailing background paragraphs if needed.
  while (wordsOf(html) > MAX_WORDS && blocks.length > 4) {
    blocks.splice(blocks.length - 2, 1);
    html = blocks.join('\n');
  }
  return html;
}

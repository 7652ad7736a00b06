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

const COMMON = new Set(['khabar', 'daily', 'according', 'about', 'their', 'which', 'where', 'every', 'after', 'often',
  'first', 'three', 'those', 'other', 'being', 'before', 'through', 'across', 'month', 'months', 'several', 'there',
  'these', 'would', 'could', 'while', 'still', 'since', 'years', 'people', 'families', 'family', 'kabul', 'usually']);

/** Distinct longer words of a text, lower-cased, without the commonest: what a story is about, roughly. */
function keywords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []).filter((w) => !COMMON.has(w)));
}

/** Orders background paragraphs: the ones closest to the story's own subject first, held back by how much
 * each would repeat what earlier stories of the section already used. */
function leastShared(candidates: string[], earlier: Set<string>[], about: Set<string>): string[] {
  const left = [...candidates];
  const shared = earlier.map(() => 0);
  const out: string[] = [];
  while (left.length) {
    let best = 0;
    let bestScore = Infinity;
    left.forEach((text, i) => {
      const worst = Math.max(0, ...earlier.map((e, j) => shared[j] + (e.has(text) ? 1 : 0)));
      const total = earlier.reduce((sum, e) => sum + (e.has(text) ? 1 : 0), 0);
      const relevance = [...keywords(text)].filter((w) => about.has(w)).length;
      const score = worst * 4 + total * 2 - relevance * 2;
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
 * list for every story of a section and each story leans on the background its predecessors used least.
 * The story's own reporting carries the piece: lead, second paragraph, then its remaining paragraphs under
 * subheads with a pull quote, a list now and then, and a few paragraphs of section background woven in (at least
 * one, more only when the story needs them to reach its length), ending on the story's own last paragraph. */
export function composeBody(a: DemoArticle, context: SectionContext, seed: number, earlier: Set<string>[] = []): string {
  const random = seeded(seed * 7919 + 17);
  const about = keywords([a.headline, a.standfirst, ...a.paras].join(' '));
  // A partner's story never speaks in Khabar Daily's voice.
  const ours = (text: string) => !a.source || !/Khabar Daily|\bour\b/.test(text);
  const background = leastShared(shuffled(context.paragraphs.filter(ours), random), earlier, about);
  const subheads = shuffled(context.subheads, random);
  // A fact list only where it fits the story: the list sharing most words with it, if it shares a few.
  const fit = (l: { intro: string; items: string[] }) => [...keywords([l.intro, ...l.items].join(' '))].filter((w) => about.has(w)).length;
  // and not the list either of the two stories before it used.
  const recent = earlier.slice(-2);
  const [best] = context.lists.filter((l) => ours(l.intro) && !recent.some((e) => e.has(l.intro))).sort((x, y) => fit(y) - fit(x));
  const list = best && fit(best) >= 4 ? best : null;
  const note = !a.source && context.notes.length && random() < 0.5 ? context.notes[Math.floor(random() * context.notes.length)] : null;
  const quote = `<blockquote><p>${esc(a.quote[0])}</p><p>— ${esc(a.quote[1])}</p></blockquote>`;
  const listHtml = list ? `${p(list.intro)}<ul>${list.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
  const [lead, second, ...rest] = a.paras;
  const closer = rest.length > 1 ? rest.pop()! : null;

  const own = wordsOf([lead, second, ...rest, closer ?? ''].map(p).join('') + quote + listHtml);
  const target = Math.max(MIN_WORDS + 10 + Math.floor(random() * 40), own + 60 + Math.floor(random() * 140));
  // A story with no background to draw on (the Dari and Pashto desks') stands on its own paragraphs.
  const drawn: string[] = background.length ? [background.shift()!] : [];
  const drawnWords = () => wordsOf(drawn.map(p).join(''));
  while (background.length && own + drawnWords() < target) drawn.push(background.shift()!);

  // The middle of the piece: the story's own paragraphs with background after the first and every second one.
  const middle: string[] = [];
  const bg = [...drawn];
  rest.forEach((text, i) => {
    middle.push(p(text));
    if (i % 2 === 0 && bg.length) middle.push(p(bg.shift()!));
  });
  middle.push(...bg.map(p));
  if (closer) middle.push(p(closer));

  const blocks: string[] = [p(lead), p(second)];
  let heads = 0;
  middle.forEach((block, i) => {
    if (i % 3 === 0 && heads < subheads.length && middle.length - i > 1) {
      if (heads === 1 && listHtml) blocks.push(listHtml);
      blocks.push(h2(subheads[heads++]));
    }
    blocks.push(block);
    if (i === 0) blocks.push(quote);
  });
  if (!middle.length) blocks.push(h2(subheads[0]), quote);
  if (listHtml && !blocks.includes(listHtml)) blocks.splice(blocks.length - 1, 0, listHtml);
  if (note) blocks.push(`<p><em>${esc(note)}</em></p>`);
  earlier.push(new Set(list ? [...drawn, list.intro] : drawn));
  return blocks.join('\n');
}

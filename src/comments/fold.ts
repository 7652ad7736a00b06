// Text folding so word lists, duplicates and the classifier see one form of a word: Arabic-script letter
// variants unified (ي/ى -> ی, ك -> ک), ZWNJ/ZWJ, bidi controls, tatweel and diacritics removed, case folded.
import { createHash } from 'node:crypto';

// ZWNJ, ZWJ, LRM/RLM, ALM, LRE..RLO, LRI..PDI, BOM and other invisible format characters.
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LETTER_VARIANTS: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا' };
const VARIANT_RE = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'g');

/** Folds text for matching (not for display). */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(VARIANT_RE, (c) => LETTER_VARIANTS[c] ?? c)
    .toLowerCase();
}

/** The words of a text after folding: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hash of the folded words: equal for bodies that differ only in spacing, punctuation, case or letter variants. */
export function bodyHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex').slice(0, 32);
}

/** Whether any of the listed words or phrases occurs as whole words in the text; returns the first found. */
export function findListed(text: string, list: readonly string[]): string | null {
  if (list.length === 0) return null;
  const hay = ` ${words(text).join(' ')} `;
  for (const entry of list) {
    const needle = words(entry).join(' ');
    if (needle && hay.includes(` ${needle} `)) return entry;
  }
  return null;
}

/** Jaccard similarity of two texts' word pairs (shingles), in [0, 1]. */
export function similarity(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

function shingles(text: string): Set<string> {
  const w = words(text);
  if (w.length < 2) return new Set(w);
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(`${w[i]} ${w[i + 1]}`);
  return out;
}

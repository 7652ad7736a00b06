// One normalisation for the text that goes into the index and the words a reader types, so the same word
// written two ways finds the same stories. Dari, Pashto and Persian text arrives with Arabic letter forms
// (ي, ك, ى), tatweel, harakat and zero-width non-joiners in some words and not others; English with accents
// some readers type and others do not. Case is left to the engines (FTS5 and PostgreSQL both fold it), so the
// stored text still reads well in a snippet.

/** Start and end of a highlighted term in a snippet: private-use characters that normalised text never holds. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ARABIC_FORMS: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک' };
// harakat, superscript alef and Quranic annotation marks; tatweel (U+0640) only stretches a word.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
// ZWNJ and ZWJ join or part letters inside one word (می‌روم): dropped, so "می‌روم" and "میروم" are one word on both
// sides (FTS5's tokenizer would otherwise split the word in two). Direction marks, soft hyphens and BOMs are
// invisible too. Private-use characters are dropped so they can only ever be our snippet markers.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uE000-\uF8FF]/g;
const LATIN_MARKS = /[\u0300-\u036F]/g;

function digit(c: string): string {
  const code = c.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** Text as the index stores it and the query sees it (case kept). */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[يىك]/g, (c) => ARABIC_FORMS[c] ?? c)
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, digit)
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC');
}

/** A reader's query can be anything, 10,000 characters of it; only this much is read. */
const MAX_QUERY = 200;
const MAX_TERMS = 8;
const MAX_TERM = 60;

/** The words of a query, normalised and lowercased: letters and digits only, so no engine syntax (quotes, NEAR,
 * *, -, :, parentheses, OR) ever survives. Empty when there is nothing to look for. */
export function queryTerms(q: string): string[] {
  const words = normaliseText(q.slice(0, MAX_QUERY)).toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u);
  const terms: string[] = [];
  for (const w of words) {
    const term = w.replace(/^\p{M}+/u, '').slice(0, MAX_TERM);
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

// The highlighted snippet under each search result, cut from the stored text in the process, the same way on both
// engines. FTS5's snippet() and PostgreSQL's ts_headline each cost a query a result (FTS5 reopens a common word's
// whole list for a one-row range: 2 ms a snippet over 100,000 stories) for a few dozen words of plain text.
import { MARK_END, MARK_START, normaliseText } from './normalise.ts';

/** How many words a snippet shows. */
export const SNIPPET_WORDS = 24;
/** Words shown before the first match, so the match is read in its sentence; a match in the first half of a
 * snippet's length shows the text from its start. */
const LEAD = 3;
// A word holds its letters, digits and marks, and the joiners and tatweel inside it (می‌گویند is one word).
const WORD = /[\p{L}\p{N}\p{M}](?:(?:[\p{L}\p{N}\p{M}\u0640]|\u200C|\u200D)*[\p{L}\p{N}\p{M}])?/gu;

interface Word { start: number; end: number; term: number }

/** The words of a text with their places, each matched to the query term it is (-1: none). The terms are
 * normalised (src/search/normalise.ts); the text may be the story as written (ZWNJ, Arabic letter forms, Persian
 * digits kept for the reader), so a word that is not plain ASCII is normalised before it is compared. */
function words(text: string, terms: readonly string[]): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    const term = /^[a-z0-9]+$/.test(w) ? terms.indexOf(w) : terms.indexOf(normaliseText(w).toLowerCase());
    out.push({ start: m.index, end: m.index + m[0].length, term });
  }
  return out;
}

/** The best SNIPPET_WORDS-word window of the text (as stored or as written: every character of it is kept): the most different terms, then the most matches, then the
 * earliest. Marked with MARK_START/MARK_END around each matched word and '…' where text was cut. */
export function snippetOf(text: string, terms: readonly string[], size = SNIPPET_WORDS): string {
  const all = words(text, terms);
  if (!all.length) return '';
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < all.length; i++) {
    if (all[i].term < 0) continue;
    const from = i < size / 2 ? 0 : i - LEAD;
    const seen = new Set<number>();
    let hits = 0;
    for (let j = from; j < Math.min(all.length, from + size); j++) {
      if (all[j].term >= 0) {
        seen.add(all[j].term);
        hits++;
      }
    }
    const score = seen.size * 10_000 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = from;
    }
  }
  const shown = all.slice(best, best + size);
  let out = best > 0 ? '…' : '';
  let at = shown[0].start;
  for (const w of shown) {
    out += text.slice(at, w.start);
    out += w.term >= 0 ? `${MARK_START}${text.slice(w.start, w.end)}${MARK_END}` : text.slice(w.start, w.end);
    at = w.end;
  }
  return best + size < all.length ? `${out}…` : out + text.slice(at).trimEnd();
}

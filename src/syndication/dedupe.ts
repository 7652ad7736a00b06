// One story, however many partners carry it: URLs are reduced to a canonical form (no tracking parameters, no AMP
// or mobile variant, no fragment), and texts compared by a 64-bit simhash of word 3-shingles, so a story
// reprinted with a different headline, byline line or closing sentence still counts as the same.
import { createHash } from 'node:crypto';

const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|ref|ref_src|cmpid|share|amp|outputType|output)$/i;

/** The URL a story is known by: https, lower-case host without www./m./amp., no AMP path, sorted non-tracking query. */
export function canonicalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw.trim();
  }
  const host = u.hostname.toLowerCase().replace(/^(www|m|mobile|amp)\./, '');
  let path = u.pathname.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html)?$/i, '$1').replace(/^\/amp\//i, '/').replace(/\/+$/, '') || '/';
  if (path !== '/' && !path.startsWith('/')) path = `/${path}`;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return `https://${host}${port}${path}${query}`;
}

/** Letters and digits of any script, lower-cased, Arabic-script letter forms folded (ي→ی, ك→ک). */
function words(text: string): string[] {
  return text.toLowerCase().replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200c/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 64-bit simhash of the text's word 3-shingles, as 16 hex digits ('' for a text too short to judge). */
export function fingerprint(text: string): string {
  const w = words(text);
  if (w.length < 8) return '';
  const weights = new Int32Array(64);
  for (let i = 0; i + 3 <= w.length; i++) {
    const h = createHash('md5').update(w.slice(i, i + 3).join(' ')).digest();
    for (let bit = 0; bit < 64; bit++) weights[bit] = (weights[bit] ?? 0) + ((h[bit >> 3]! >> (bit & 7)) & 1 ? 1 : -1);
  }
  let out = 0n;
  for (let bit = 0; bit < 64; bit++) if ((weights[bit] ?? 0) > 0) out |= 1n << BigInt(bit);
  return out.toString(16).padStart(16, '0');
}

/** Bits that differ between two fingerprints. */
export function distance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/** Fingerprints this close are the same story. On the fixtures a reprint with its own headline and an added
 * closing sentence is 8 bits from the original, and unrelated stories 27 to 38 bits apart. */
export const NEAR_DUPLICATE_BITS = 10;

export function sameStory(a: string, b: string): boolean {
  return a !== '' && b !== '' && distance(a, b) <= NEAR_DUPLICATE_BITS;
}

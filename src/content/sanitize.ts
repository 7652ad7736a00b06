// Article bodies: HTML cut down to a strict allowlist on the way in; plain text derived for search and excerpts.
import type sanitizeHtml from 'sanitize-html';
import { loadPackage } from '../load_later.ts';

const BODY_RULES: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'q', 'cite',
    'ul', 'ol', 'li', 'figure', 'figcaption', 'img', 'br', 'hr', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th',
    'td', 'caption', 'abbr', 'mark', 'small', 'span', 'bdi', 'bdo'],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'lang', 'dir'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    bdo: ['dir'],
    '*': ['lang', 'dir'],
  },
  // One class only: a pull quote (a line lifted from the story, drawn large on the site); any other class goes.
  allowedClasses: { blockquote: ['pull-quote'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
  exclusiveFilter: (frame) => (frame.tag === 'p' && !frame.text.trim() && !frame.mediaChildren.length),
};

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const CONTROL = /^[\u0000-\u0008\u000b\u000c\u000e-\u001f]$/;

/** Cuts article body HTML down to the allowlist (no scripts, styles, event handlers or javascript: URLs). */
export function sanitizeBody(html: string): string {
  // Loaded at the first body saved: serving pages never needs it (with postcss, a tenth of a start's CPU).
  // NUL and the other C0 controls (not tab, newline, return) have no place in HTML (a parse error, HTML 13.2.5):
  // dropped before cleaning, as a character reference to one is after it.
  const clean = loadPackage<typeof sanitizeHtml>('sanitize-html')(html.replace(CONTROLS, ''), BODY_RULES).trim();
  return clean.replace(/&#(x[0-9a-f]+|\d+);/gi, (ref, n: string) => {
    const code = n[0] === 'x' || n[0] === 'X' ? Number.parseInt(n.slice(1), 16) : Number(n);
    return code < 0x20 && CONTROL.test(String.fromCharCode(code)) ? '' : ref;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Plain text of sanitized HTML: block elements become paragraph breaks. */
export function plainText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|tr|pre)>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z0-9]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

/** True when a text shows something: not only spaces and format characters (zero-width space and joiners, bidi
 * marks, byte-order mark, soft hyphen), which a pasted headline, name or comment can consist of. */
export function showsText(text: string): boolean {
  return /[^\s\p{Cf}]/u.test(text);
}

/** Bidi embeddings, overrides and isolates: in a one-line name they could turn the text after it around. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Words in a text, counting runs of letters/digits in any script (ZWNJ stays inside a Persian word). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}\u200c'’-]+/gu)?.length ?? 0;
}

/** A short excerpt of plain text, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:.-]+$/, '') + '…';
}

/** A URL slug: lowercase Latin letters, digits and any-script letters joined by hyphens. Dari and Pashto stay in
 * their script, readable once percent-decoded: a zero-width non-joiner (می‌شود) becomes a hyphen like a space, so
 * the letters keep the shapes they had; the Arabic kaf and alef maksura fold to the Persian letters (ك ى -> ک ی),
 * but Arabic yeh stays (ي and ی are different letters in Pashto: کوي, not کوی); vowel marks, tatweel and other
 * invisible characters are dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b\u200c]/g, '-')
    .replace(/[\p{Cf}\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/ى/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

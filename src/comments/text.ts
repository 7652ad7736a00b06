// Comment text is plain text: paragraphs kept, http(s) links made clickable, everything else shown as typed.
// The output is data, not markup; views render it with escaping (see site/comments_block.tsx).
import { find } from 'linkifyjs';

export type Inline = { text: string } | { text: string; href: string };
export type Paragraph = Inline[][]; // lines of a paragraph, each a run of inline pieces

/** Splits comment text into paragraphs (blank lines), lines, and text/link pieces. */
export function commentParagraphs(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').map(linkPieces));
}

/** The http(s) links a text contains, as normalized absolute URLs. */
export function commentLinks(body: string): URL[] {
  return find(body, 'url').map((m) => safeUrl(m.href)).filter((u): u is URL => u !== null);
}

function linkPieces(line: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const m of find(line, 'url')) {
    const url = safeUrl(m.href);
    if (!url) continue;
    if (m.start > at) out.push({ text: line.slice(at, m.start) });
    out.push({ text: m.value, href: url.href });
    at = m.end;
  }
  if (at < line.length) out.push({ text: line.slice(at) });
  return out;
}

function safeUrl(href: string): URL | null {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

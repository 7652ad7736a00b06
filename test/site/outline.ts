// The skeleton of a page for golden tests: landmarks, headings, figures, times and classed blocks, one per line,
// indented by nesting. Text, URLs and image keys are left out so the outline changes only when the structure does.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SHOWN = new Set(['html', 'head', 'title', 'body', 'header', 'nav', 'main', 'article', 'aside', 'section', 'footer', 'h1', 'h2', 'h3',
  'figure', 'figcaption', 'picture', 'source', 'img', 'time', 'ul', 'ol', 'form', 'link', 'script']);
const KEPT_ATTRIBUTES = ['id', 'class', 'lang', 'dir', 'aria-label', 'aria-labelledby', 'rel', 'type', 'loading'];
const WITH_TEXT = new Set(['h1', 'h2', 'title']);

function attributes(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) out.set(m[1], m[2] ?? '');
  return out;
}

/** The outline of an HTML document; `stopInside` lists ids whose contents are another owner's (shown empty). */
export function outline(html: string, stopInside: string[] = []): string {
  const lines: string[] = [];
  const stack: { tag: string; shown: boolean; line: number }[] = [];
  let depth = 0;
  let skipUntil = -1;
  // Attribute values may hold '>' (preact escapes only '<' and quotes there), so quoted values are read whole.
  const re = /<(\/?)([a-z][a-z0-9]*)((?:[^>"]|"[^"]*")*)>|([^<]+)/gi;
  for (const m of html.matchAll(re)) {
    if (m[4] !== undefined) {
      const open = stack.at(-1);
      if (open?.shown && WITH_TEXT.has(open.tag) && skipUntil < 0) lines[open.line] += ` "${m[4].trim()}"`;
      continue;
    }
    const [, closing, name, raw] = m;
    const tag = name.toLowerCase();
    if (closing) {
      while (stack.length) {
        const top = stack.pop()!;
        if (top.shown) depth--;
        if (skipUntil === stack.length) skipUntil = -1;
        if (top.tag === tag) break;
      }
      continue;
    }
    const attrs = attributes(raw);
    const shown = skipUntil < 0 && (SHOWN.has(tag) || (attrs.has('class') && tag !== 'span' && tag !== 'a' && tag !== 'strong'));
    if (shown) {
      const kept = KEPT_ATTRIBUTES.filter((a) => attrs.has(a)).map((a) => (a === 'class' || a === 'id' ? `${a === 'id' ? '#' : '.'}${attrs.get(a)!.split(' ').join('.')}` : `[${a}=${attrs.get(a)}]`));
      lines.push(`${'  '.repeat(depth)}${tag}${kept.join('')}`);
    }
    if (VOID.has(tag) || raw.trimEnd().endsWith('/')) continue;
    stack.push({ tag, shown, line: lines.length - 1 });
    if (shown) depth++;
    if (skipUntil < 0 && attrs.has('id') && stopInside.includes(attrs.get('id')!)) skipUntil = stack.length - 1;
  }
  return lines.join('\n') + '\n';
}

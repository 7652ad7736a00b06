// Ghost's editor documents to HTML: Lexical (Ghost 5+) and mobiledoc (Ghost 2-4), for the node and card types
// Ghost's exports use. The output is sanitized afterwards like any body; an unknown node is dropped with a warning.

const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface LexicalNode {
  type?: string;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  src?: string;
  alt?: string;
  caption?: string;
  html?: string;
  markdown?: string;
  code?: string;
  images?: { src?: string; alt?: string }[];
  metadata?: { title?: string };
  children?: LexicalNode[];
}

// Lexical's text format bits: bold 1, italic 2, strikethrough 4, underline 8, code 16, subscript 32, superscript 64.
const FORMATS: [number, string][] = [[16, 'code'], [1, 'strong'], [2, 'em'], [4, 's'], [8, 'u'], [32, 'sub'], [64, 'sup']];

function figure(src: unknown, alt: unknown, caption: unknown): string {
  if (!src) return '';
  return `<figure><img src="${esc(src)}" alt="${esc(alt)}">${caption ? `<figcaption>${String(caption)}</figcaption>` : ''}</figure>`;
}

function link(url: unknown, title?: unknown): string {
  return /^https?:\/\//i.test(String(url ?? '')) ? `<p><a href="${esc(url)}">${esc(title || url)}</a></p>` : '';
}

/** Renders a Lexical document (the JSON text of a Ghost post's `lexical` field). */
export function renderLexical(json: string, warn: (m: string) => void): string {
  const doc = JSON.parse(json) as { root?: LexicalNode };
  const render = (n: LexicalNode): string => {
    const inner = () => (n.children ?? []).map(render).join('');
    switch (n.type) {
      case 'root': return inner();
      case 'text': case 'extended-text': {
        let out = esc(n.text);
        const f = Number(n.format ?? 0);
        for (const [bit, tag] of FORMATS) if (f & bit) out = `<${tag}>${out}</${tag}>`;
        return out;
      }
      case 'linebreak': return '<br>';
      case 'paragraph': return `<p>${inner()}</p>`;
      case 'heading': case 'extended-heading': return `<${/^h[1-6]$/.test(n.tag ?? '') ? n.tag : 'h2'}>${inner()}</${/^h[1-6]$/.test(n.tag ?? '') ? n.tag : 'h2'}>`;
      case 'quote': case 'extended-quote': case 'aside': return `<blockquote>${inner()}</blockquote>`;
      case 'list': return n.listType === 'number' ? `<ol>${inner()}</ol>` : `<ul>${inner()}</ul>`;
      case 'listitem': return `<li>${inner()}</li>`;
      case 'link': case 'autolink': return `<a href="${esc(n.url)}">${inner()}</a>`;
      case 'horizontalrule': return '<hr>';
      case 'image': return figure(n.src, n.alt, n.caption);
      case 'gallery': return `<figure>${(n.images ?? []).map((i) => `<img src="${esc(i.src)}" alt="${esc(i.alt)}">`).join('')}</figure>`;
      case 'html': return n.html ?? '';
      case 'markdown': return `<p>${esc(n.markdown)}</p>`;
      case 'codeblock': return `<pre><code>${esc(n.code)}</code></pre>`;
      case 'embed': case 'bookmark': case 'video': case 'audio': return link(n.url ?? n.src, n.metadata?.title);
      case 'callout': return `<blockquote>${n.text ? `<p>${String(n.text)}</p>` : inner()}</blockquote>`;
      default:
        warn(`a "${n.type}" block was dropped`);
        return '';
    }
  };
  return doc.root ? render(doc.root) : '';
}

type Marker = [number, number[], number, unknown];

/** Renders a mobiledoc document (the JSON text of a Ghost post's `mobiledoc` field). */
export function renderMobiledoc(json: string, warn: (m: string) => void): string {
  const doc = JSON.parse(json) as { markups?: [string, string[]?][]; cards?: [string, Record<string, unknown>][]; atoms?: [string, string, unknown][]; sections?: unknown[][] };
  const markups = doc.markups ?? [];
  const markers = (list: Marker[]): string => {
    const open: string[] = [];
    let out = '';
    for (const [kind, opens, closes, value] of list) {
      for (const i of opens) {
        const [tag, attrs = []] = markups[i] ?? ['span'];
        const href = tag.toLowerCase() === 'a' ? attrs[attrs.indexOf('href') + 1] : undefined;
        out += href !== undefined && attrs.includes('href') ? `<a href="${esc(href)}">` : `<${tag}>`;
        open.push(tag);
      }
      out += kind === 1 ? esc((doc.atoms ?? [])[Number(value)]?.[1]) : esc(value);
      for (let c = 0; c < closes; c++) out += `</${open.pop()}>`;
    }
    while (open.length) out += `</${open.pop()}>`;
    return out;
  };
  return (doc.sections ?? []).map((s) => {
    const [type] = s as [number];
    if (type === 1) {
      const tag = String(s[1]).toLowerCase();
      return `<${/^(p|h[1-6]|blockquote|aside)$/.test(tag) ? tag.replace('aside', 'blockquote') : 'p'}>${markers(s[2] as Marker[])}</${/^(p|h[1-6]|blockquote|aside)$/.test(tag) ? tag.replace('aside', 'blockquote') : 'p'}>`;
    }
    if (type === 3) return `<${s[1] === 'ol' ? 'ol' : 'ul'}>${(s[2] as Marker[][]).map((m) => `<li>${markers(m)}</li>`).join('')}</${s[1] === 'ol' ? 'ol' : 'ul'}>`;
    if (type === 2) return figure(s[1], '', '');
    if (type === 10) {
      const [name, p = {}] = (doc.cards ?? [])[Number(s[1])] ?? ['?'];
      if (name === 'image') return figure(p.src, p.alt, p.caption);
      if (name === 'html') return String(p.html ?? '');
      if (name === 'markdown' || name === 'card-markdown') return `<p>${esc(p.markdown)}</p>`;
      if (name === 'hr') return '<hr>';
      if (name === 'code') return `<pre><code>${esc(p.code)}</code></pre>`;
      if (name === 'embed' || name === 'bookmark') return link(p.url, (p.metadata as { title?: string } | undefined)?.title);
      if (name === 'gallery') return `<figure>${((p.images ?? []) as { src?: string; alt?: string }[]).map((i) => `<img src="${esc(i.src)}" alt="${esc(i.alt)}">`).join('')}</figure>`;
      warn(`a "${name}" card was dropped`);
      return '';
    }
    return '';
  }).join('\n');
}

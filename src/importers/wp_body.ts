// WordPress post bodies to Khabar's HTML: block-editor comments removed, the classic editor's line breaks made
// into paragraphs (wpautop's rules), shortcodes turned into figures, links and images or dropped with a warning.
// The result still goes through the body sanitizer (src/content/sanitize.ts) on its way into the database.

/** What a shortcode conversion needs from the import: images of a gallery, by attachment id. */
export interface BodyHelpers {
  /** the HTML of an imported attachment's image (with alt), or null when it is not (yet) imported */
  galleryImage(attachmentId: string): string | null;
  /** one line per problem, about this body */
  warn(message: string): void;
}

const BLOCK = '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';

/** Converts one WordPress body to HTML ready for the sanitizer. */
export function convertWordPressBody(raw: string, helpers: BodyHelpers): string {
  const blocks = /<!--\s*\/?wp:/.test(raw);
  // Block-editor markup already has its paragraphs; WordPress itself skips wpautop for it.
  let html = blocks ? raw.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '') : raw;
  html = convertShortcodes(html, helpers);
  html = linkBareUrlLines(html);
  return blocks ? html.trim() : autop(html);
}

const ATTR = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function safeLink(url: string): string | null {
  const u = url.trim();
  if (!/^https?:\/\/[^\s<>"]+$/i.test(u)) return null;
  return `<p><a href="${escapeHtml(u)}">${escapeHtml(u)}</a></p>`;
}

// A shortcode name starts with a letter or underscore and is followed by a space, a slash or the closing bracket
// ("[1]" and "[Editor's note]" are text).
const SHORTCODE = /\[(\[?)([A-Za-z_][\w-]*)(?=[\s\]/])([^\]]*?)(\/)?\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;

function convertShortcodes(html: string, helpers: BodyHelpers): string {
  const dropped = new Set<string>();
  const out = html.replace(SHORTCODE, (whole, open: string, name: string, args: string, _self, inner: string | undefined, close: string) => {
    if (open === '[' && close === ']') return whole.slice(1, -1); // [[escaped]] stays as text, like WordPress
    const tag = name.toLowerCase();
    const a = attrs(args ?? '');
    if (tag === 'caption' || tag === 'wp_caption') {
      const body = inner ?? '';
      const img = body.match(/^\s*((?:<a [^>]*>\s*)?<img [^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i);
      const caption = (a.caption ?? img?.[2] ?? '').trim();
      if (!img) return body;
      return `<figure>${img[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
    }
    if (tag === 'embed') return safeLink(inner ?? a.src ?? '') ?? '';
    if (tag === 'gallery') {
      const ids = (a.ids ?? a.include ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const images = ids.map((id) => {
        const img = helpers.galleryImage(id);
        if (!img) helpers.warn(`gallery image ${id} was not imported`);
        return img;
      }).filter(Boolean);
      if (!ids.length) helpers.warn('a [gallery] without ids was dropped');
      return images.length ? `<figure>${images.join('')}</figure>` : '';
    }
    dropped.add(tag);
    return inner ?? '';
  });
  for (const tag of dropped) helpers.warn(`unknown shortcode [${tag}] dropped (its text kept)`);
  return out;
}

/** A URL alone on its line is WordPress's auto-embed: here it becomes a plain, safe link. */
function linkBareUrlLines(html: string): string {
  return html.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_w, url: string) => safeLink(url) ?? '');
}

/** WordPress's wpautop: blank lines separate paragraphs, single line breaks become <br>, block elements are left
 * unwrapped, <pre> keeps its breaks. */
export function autop(text: string): string {
  if (!text.trim()) return '';
  const pres: string[] = [];
  let s = text.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (m) => `<pre wp-pre-tag-${pres.push(m) - 1}></pre>`);
  s = `${s.replace(/\r\n?/g, '\n')}\n`;
  s = s.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n');
  s = s.replace(new RegExp(`(<${BLOCK}[\\s/>])`, 'gi'), '\n\n$1');
  s = s.replace(new RegExp(`(</${BLOCK}>)`, 'gi'), '$1\n\n');
  s = s.replace(/\n\n+/g, '\n\n');
  const paragraphs = s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  s = paragraphs.map((p) => `<p>${p}</p>\n`).join('');
  // No <p> around a block element, nor a stray one at its edges.
  s = s.replace(/<p>\s*<\/p>/g, '');
  s = s.replace(new RegExp(`<p>\\s*(</?${BLOCK}[^>]*>)\\s*</p>`, 'gi'), '$1');
  s = s.replace(new RegExp(`<p>\\s*(</?${BLOCK}[^>]*>)`, 'gi'), '$1');
  s = s.replace(new RegExp(`(</?${BLOCK}[^>]*>)\\s*</p>`, 'gi'), '$1');
  s = s.replace(/<p>(<li[\s>])/gi, '$1');
  // Single line breaks inside a paragraph, except next to a block tag.
  s = s.replace(/(?<!<br \/>)\s*\n(?!\s*<\/?(?:p|li|ul|ol|div|blockquote|figure|figcaption|h[1-6]|table|tr|td|th|tbody|thead|pre)[\s>])/g, (m, off: number, all: string) => {
    const before = all.slice(Math.max(0, off - 12), off);
    return /<\/?(?:p|li|ul|ol|div|blockquote|figure|figcaption|h[1-6]|table|tr|td|th|tbody|thead)[^>]*>$/i.test(before) ? m : '<br />\n';
  });
  s = s.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_m, i: string) => pres[Number(i)]);
  return s.trim();
}

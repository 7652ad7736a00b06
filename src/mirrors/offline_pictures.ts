// The offline edition's pictures: each made small again from the picture's clean master (480 px wide, JPEG at a
// modest quality: every phone and every e-book reader shows JPEG), once per edition however often it is used;
// and the article body as well-formed markup (it is also the EPUB's XHTML) whose pictures are the edition's own.
// A picture the newsroom does not hold (an address on another host) is left out, its alt text kept in its place:
// an offline edition loads nothing from anywhere.
import type * as Linkedom from 'linkedom';
import { loadPackage } from '../load_later.ts';
import type { AppContext } from '../context.ts';
import { masterKey, MAX_PIXELS } from '../media/images.ts';
import { inTurn } from '../media/queue.ts';
import { loadSharp } from '../media/sharp.ts';

/** Width of every picture in an edition: a phone screen's width, at one device pixel per CSS pixel. */
export const PICTURE_WIDTH = 480;
const QUALITY = 56;

export interface EditionPicture {
  /** p1, p2, ...: its file name in the EPUB */
  id: string;
  bytes: Buffer;
  width: number;
  height: number;
}

/** A variant's or a master's storage key: the master the variants are made from. */
const VARIANT = /^(\d{4}\/\d{2})\/([0-9a-f]{16})-\d+\.(jpg|webp|avif)$/;

/** The pictures of one edition, by the storage key of the picture they were made from. */
export class PictureSet {
  private readonly made = new Map<string, Promise<EditionPicture | null>>();
  constructor(private readonly ctx: AppContext) {}

  /** The edition's copy of a stored picture (named by any of its variants' keys), or null when it has none. */
  picture(storageKey: string): Promise<EditionPicture | null> {
    let p = this.made.get(storageKey);
    if (!p) {
      p = this.make(storageKey);
      this.made.set(storageKey, p);
    }
    return p;
  }

  /** Every picture made, in the order first asked for. */
  async all(): Promise<EditionPicture[]> {
    const out = await Promise.all(this.made.values());
    return out.filter((p): p is EditionPicture => p !== null);
  }

  private async make(storageKey: string): Promise<EditionPicture | null> {
    const m = VARIANT.exec(storageKey);
    if (!m) return null;
    const id = `p${this.made.size}`;
    const source = (await this.ctx.media.get(masterKey(m[1], m[2]))) ?? (await this.ctx.media.get(storageKey));
    if (!source) return null;
    const sharp = loadSharp();
    try {
      const { data, info } = await inTurn(() => sharp(source, { limitInputPixels: MAX_PIXELS, animated: false })
        .resize({ width: PICTURE_WIDTH, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: QUALITY, mozjpeg: true, progressive: true })
        .toBuffer({ resolveWithObject: true }));
      return { id, bytes: data, width: info.width, height: info.height };
    } catch (err) {
      this.ctx.log.warn('a picture of the offline edition could not be made', { key: storageKey, err: String(err) });
      return null;
    }
  }
}

/** How a picture is addressed in the file being written: a data: URI in the web page, a file in the EPUB. */
export type PictureSrc = (p: EditionPicture) => string;

/** Escapes text for markup (and attribute values): what both HTML and XHTML accept. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const VOID = new Set(['br', 'hr', 'img']);

/** The storage key a body picture's address names, when it is one of the newsroom's own (/media/...). */
function storedKey(src: string, origin: string): string | null {
  let u: URL;
  try {
    u = new URL(src, `${origin}/`);
  } catch {
    return null;
  }
  if (u.origin !== new URL(origin).origin || !u.pathname.startsWith('/media/')) return null;
  const key = decodeURIComponent(u.pathname.slice('/media/'.length));
  return VARIANT.test(key) ? key : null;
}

/** A link of the body as the edition keeps it: the site's own addresses made absolute (a relative one means
 * nothing in a file on a phone), web and mail addresses as they are, anything else dropped. */
function linkOf(href: string, origin: string): string | null {
  try {
    const u = new URL(href, `${origin}/`);
    return /^(https?|mailto):$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
  getAttribute?(name: string): string | null;
}

/** An article body (sanitized HTML) as an edition prints it: well-formed (XHTML as much as HTML), links absolute,
 * the newsroom's pictures the edition's own, other pictures replaced by their alt text. */
export async function editionBody(html: string, origin: string, pictures: PictureSet, src: PictureSrc): Promise<string> {
  const { document } = loadPackage<typeof Linkedom>('linkedom').parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
  const root = document.body.firstChild as unknown as DomNode;
  const images = Array.from(document.querySelectorAll('img')) as unknown as DomNode[];
  const made = new Map<DomNode, EditionPicture | null>();
  for (const img of images) {
    const key = storedKey(img.getAttribute?.('src') ?? '', origin);
    made.set(img, key ? await pictures.picture(key) : null);
  }
  const write = (node: DomNode): string => {
    if (node.nodeType === 3) return esc(node.textContent ?? '');
    if (node.nodeType !== 1) return '';
    const name = node.nodeName.toLowerCase();
    const attrs = Array.from(node.attributes ?? []);
    if (name === 'img') {
      const alt = node.getAttribute?.('alt') ?? '';
      const p = made.get(node);
      if (!p) return alt ? `<span class="missing-picture">${esc(alt)}</span>` : '';
      return `<img src="${esc(src(p))}" width="${p.width}" height="${p.height}" alt="${esc(alt)}"/>`;
    }
    const kept: string[] = [];
    for (const a of attrs) {
      if (!/^[a-z][a-z0-9-]*$/.test(a.name)) continue;
      if (a.name === 'href') {
        const href = linkOf(a.value, origin);
        if (href) kept.push(`href="${esc(href)}"`);
      } else if (a.name !== 'loading') kept.push(`${a.name}="${esc(a.value)}"`);
    }
    const open = `<${name}${kept.length ? ` ${kept.join(' ')}` : ''}`;
    if (VOID.has(name)) return `${open}/>`;
    return `${open}>${Array.from(node.childNodes).map(write).join('')}</${name}>`;
  };
  return Array.from(root.childNodes).map(write).join('');
}

// Reads a WordPress export (WXR 1.0 to 1.2) as a stream: the site's facts, authors and terms first, then one item
// (post, page, attachment...) at a time, so a 200 MB archive is read in bounded memory.
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface WxrSite {
  version: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  title: string;
  language: string;
}

export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  kind: 'category' | 'tag';
  id: string;
  slug: string;
  parent: string;
  name: string;
  description: string;
}

export interface WxrComment {
  id: string;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  dateGmt: string;
  date: string;
  content: string;
  approved: string;
  type: string;
  parent: string;
}

export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  postPassword: string;
  isSticky: string;
  attachmentUrl: string;
  terms: { domain: string; slug: string; name: string }[];
  meta: { key: string; value: string }[];
  comments: WxrComment[];
  /** the line the item starts on, to name it in messages */
  line: number;
}

export type WxrEntry =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'problem'; message: string };

/** Raised when the file is not a WordPress export or breaks off; what was read before it stands. */
export class ExportFormatError extends Error {}

// Named HTML entities WordPress leaves outside CDATA now and then; XML knows only five.
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
  raquo: '»', copy: '©', reg: '®', trade: '™', zwnj: '\u200c', zwj: '\u200d', rlm: '\u200f', lrm: '\u200e', middot: '·',
};

/** The longest text one field may hold; a longer one is refused for its item, not read into memory whole. */
export const MAX_FIELD_CHARS = 16 * 1024 * 1024;

const emptyItem = (line: number): WxrItem => ({
  title: '', link: '', creator: '', guid: '', content: '', excerpt: '', postId: '', postDate: '', postDateGmt: '', postName: '',
  status: '', postParent: '', postType: '', postPassword: '', isSticky: '', attachmentUrl: '', terms: [], meta: [], comments: [], line,
});

const emptyComment = (): WxrComment => ({
  id: '', author: '', authorEmail: '', authorUrl: '', authorIp: '', dateGmt: '', date: '', content: '', approved: '', type: '', parent: '',
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title', link: 'link', 'dc:creator': 'creator', guid: 'guid', 'content:encoded': 'content', 'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId', 'wp:post_date': 'postDate', 'wp:post_date_gmt': 'postDateGmt', 'wp:post_name': 'postName',
  'wp:status': 'status', 'wp:post_parent': 'postParent', 'wp:post_type': 'postType', 'wp:post_password': 'postPassword',
  'wp:is_sticky': 'isSticky', 'wp:attachment_url': 'attachmentUrl',
};
const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_id': 'id', 'wp:comment_author': 'author', 'wp:comment_author_email': 'authorEmail', 'wp:comment_author_url': 'authorUrl',
  'wp:comment_author_IP': 'authorIp', 'wp:comment_date_gmt': 'dateGmt', 'wp:comment_date': 'date', 'wp:comment_content': 'content',
  'wp:comment_approved': 'approved', 'wp:comment_type': 'type', 'wp:comment_parent': 'parent',
};
const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_id': 'id', 'wp:author_login': 'login', 'wp:author_email': 'email', 'wp:author_display_name': 'displayName',
  'wp:author_first_name': 'firstName', 'wp:author_last_name': 'lastName',
};
const TERM_FIELDS: Record<string, keyof Omit<WxrTerm, 'kind'>> = {
  'wp:term_id': 'id', 'wp:category_nicename': 'slug', 'wp:category_parent': 'parent', 'wp:cat_name': 'name',
  'wp:category_description': 'description', 'wp:tag_slug': 'slug', 'wp:tag_name': 'name', 'wp:tag_description': 'description',
  'wp:term_slug': 'slug', 'wp:term_parent': 'parent', 'wp:term_name': 'name', 'wp:term_description': 'description',
};

/** Streams the entries of one export file. Malformed XML ends the stream with an ExportFormatError after the last
 * whole item; an unknown entity is reported as a problem and read as text. */
export async function* readWxr(file: string, onRead?: (bytes: number) => void): AsyncGenerator<WxrEntry> {
  const parser = new SaxesParser({ fileName: file });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const out: WxrEntry[] = [];
  const stack: string[] = [];
  let fatal: string | null = null;
  let site: WxrSite | null = null;
  const siteFields: WxrSite = { version: '', baseSiteUrl: '', baseBlogUrl: '', title: '', language: '' };
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let author: WxrAuthor | null = null;
  let term: WxrTerm | null = null;
  let itemTerm: { domain: string; slug: string } | null = null;
  let meta: { key: string; value: string } | null = null;
  let text = '';
  let tooLong = false;
  const emitSite = () => {
    if (site) return;
    if (stack[0] !== 'rss' || !siteFields.version) throw new ExportFormatError('This file is not a WordPress export (no <rss> with a wp:wxr_version).');
    site = { ...siteFields };
    out.push({ kind: 'site', site });
  };

  parser.on('error', (err) => {
    const msg = err.message;
    if (/undefined entity/.test(msg)) out.push({ kind: 'problem', message: `${item ? `item on line ${item.line}` : 'export'}: an unknown entity was kept as text (${msg})` });
    else fatal ??= msg;
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    tooLong = false;
    const depth = stack.length;
    if (fatal) return;
    if (depth === 1 && tag.name !== 'rss') fatal = 'This file is not a WordPress export (it does not start with <rss>).';
    if (tag.name === 'item' && depth === 3) {
      emitSite();
      item = emptyItem(parser.line);
    } else if (tag.name === 'wp:comment' && item) comment = emptyComment();
    else if (tag.name === 'wp:postmeta' && item) meta = { key: '', value: '' };
    else if (tag.name === 'category' && item) itemTerm = { domain: String(tag.attributes.domain ?? ''), slug: String(tag.attributes.nicename ?? '') };
    else if (tag.name === 'wp:author' && depth === 3) author = { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '' };
    else if (depth === 3 && (tag.name === 'wp:category' || tag.name === 'wp:tag' || tag.name === 'wp:term')) {
      term = { kind: tag.name === 'wp:category' ? 'category' : 'tag', id: '', slug: '', parent: '', name: '', description: '' };
    }
  });
  const addText = (t: string) => {
    if (tooLong) return;
    if (text.length + t.length > MAX_FIELD_CHARS) {
      tooLong = true;
      text = '';
      return;
    }
    text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const name = tag.name;
    const value = text;
    text = '';
    stack.pop();
    if (fatal) return;
    if (tooLong && item) {
      out.push({ kind: 'problem', message: `item on line ${item.line}: its <${name}> is longer than ${MAX_FIELD_CHARS} characters; the item was skipped` });
      item = null;
    }
    if (item) {
      if (name === 'item') {
        out.push({ kind: 'item', item });
        item = null;
      } else if (comment) {
        if (name === 'wp:comment') {
          item.comments.push(comment);
          comment = null;
        } else if (COMMENT_FIELDS[name] && stack.at(-1) === 'wp:comment') comment[COMMENT_FIELDS[name]] = value;
      } else if (meta) {
        if (name === 'wp:postmeta') {
          item.meta.push(meta);
          meta = null;
        } else if (name === 'wp:meta_key') meta.key = value;
        else if (name === 'wp:meta_value') meta.value = value;
      } else if (name === 'category' && itemTerm) {
        item.terms.push({ ...itemTerm, name: value.trim() });
        itemTerm = null;
      } else if (ITEM_FIELDS[name] && stack.at(-1) === 'item') {
        (item as unknown as Record<string, string>)[ITEM_FIELDS[name]] = value;
      }
      return;
    }
    if (author) {
      if (name === 'wp:author') {
        emitSite();
        out.push({ kind: 'author', author });
        author = null;
      } else if (AUTHOR_FIELDS[name]) author[AUTHOR_FIELDS[name]] = value.trim();
      return;
    }
    if (term) {
      if (stack.length === 2) {
        emitSite();
        out.push({ kind: 'term', term });
        term = null;
      } else if (name === 'wp:term_taxonomy') {
        const tax = value.trim();
        if (tax === 'category') term.kind = 'category';
        else if (tax !== 'post_tag' && tax !== 'category') term = null; // nav menus, formats: not sections or tags
      } else if (TERM_FIELDS[name]) term[TERM_FIELDS[name]] = value.trim();
      return;
    }
    if (stack.length === 2) {
      if (name === 'wp:wxr_version') siteFields.version = value.trim();
      else if (name === 'wp:base_site_url') siteFields.baseSiteUrl = value.trim();
      else if (name === 'wp:base_blog_url') siteFields.baseBlogUrl = value.trim();
      else if (name === 'title') siteFields.title = value.trim();
      else if (name === 'language') siteFields.language = value.trim();
    }
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      try {
        parser.write(chunk as string);
      } catch (err) {
        if (err instanceof ExportFormatError) throw err;
        fatal ??= (err as Error).message;
      }
      onRead?.(stream.bytesRead);
      yield* out.splice(0);
      if (fatal) break;
    }
    if (!fatal) {
      try {
        parser.close();
      } catch (err) {
        fatal ??= (err as Error).message;
      }
    }
    yield* out.splice(0);
  } finally {
    stream.destroy();
  }
  if (fatal) {
    throw new ExportFormatError(`The export ${file} is malformed or cut short (${fatal.replace(/^[^:]*:(\d+:\d+): /, 'line $1: ')}); everything before that point was read.`);
  }
  if (!site) throw new ExportFormatError('This file is not a WordPress export (no <rss> with a wp:wxr_version).');
}

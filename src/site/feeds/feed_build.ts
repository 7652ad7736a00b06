// One list of stories written as RSS 2.0, Atom 1.0 or JSON Feed 1.1 by the `feed` library (no XML built by hand).
// Where the library falls short of a format it is corrected here, each place saying why.
import { Feed, type Extension, type Item } from 'feed';
import type { FeedStory } from '../../content/feed_stories.ts';
import type { FeedContent } from '../../content/settings.ts';
import { articleHref, authorHref, tagHref } from '../views/parts.tsx';

export type FeedKind = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedSpec {
  title: string;
  description: string;
  /** the HTML page the feed follows, absolute */
  page: string;
  /** this feed's own address for each kind, absolute */
  self: Record<FeedKind, string>;
  /** the feed's language (BCP 47) */
  language: string;
  publicUrl: string;
  content: FeedContent;
  /** the terms the stories come under, plain text (RSS <copyright>, Atom <rights>; JSON Feed has no such field) */
  rights?: string;
}

const EXCERPT_CHARS = 300;

/** A JSON Feed field the library does not write: its JSON writer copies an extension's value as it is (the type
 * says an object; strings and lists are what JSON Feed 1.1 needs). */
const field = (name: string, value: unknown): Extension => ({ name, objects: value as Extension['objects'] });

/** Plain text as HTML: the library puts titles and summaries in CDATA marked as HTML (Atom type="html"). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A GUID that survives any edit of headline or slug: the article's id under the site's host (RFC 4151 tag URI). */
export function storyGuid(publicUrl: string, id: number): string {
  return `tag:${new URL(publicUrl).hostname},2026:article/${id}`;
}

/** The body's site-relative links and pictures made absolute: a feed reader has no page address to resolve them. */
function absolute(html: string, publicUrl: string): string {
  return html.replace(/\b(src|href)="\/(?!\/)/g, `$1="${publicUrl}/`);
}

function excerpt(s: FeedStory): string {
  if (s.standfirst.trim()) return s.standfirst;
  const text = s.body_text.trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}

/** The newest change among the stories: the feed's updated time and Last-Modified; a fixed time when empty, so the
 * bytes (and the ETag) depend only on the content. */
export function lastChange(stories: FeedStory[]): Date {
  return new Date(stories.map((s) => s.updated_at).sort().at(-1) ?? '1970-01-01T00:00:00.000Z');
}

function item(kind: FeedKind, s: FeedStory, spec: FeedSpec): Item {
  const { publicUrl } = spec;
  const link = `${publicUrl}${articleHref(s.slug)}`;
  const hero = s.hero ? `${publicUrl}/media/${s.hero.storage_key}` : null;
  return {
    // Plain text escaped once for the XML kinds: RSS readers and Atom (type="html") read titles as HTML, so
    // `<script>` stays text. JSON Feed's title is plain text.
    title: kind === 'json' ? s.headline : escapeHtml(s.headline),
    id: storyGuid(publicUrl, s.id),
    guid: storyGuid(publicUrl, s.id),
    link,
    date: new Date(s.updated_at),
    published: new Date(s.published_at),
    description: escapeHtml(excerpt(s)),
    content: spec.content === 'full' ? absolute(s.body_html, publicUrl) : undefined,
    // None rather than an empty list: the library's JSON writer reads the first author of any list.
    author: !s.authors.length ? undefined : s.authors.map((a) => ({ name: a.name, link: `${publicUrl}${authorHref(a.slug)}` })),
    category: [
      ...(s.section ? [{ name: s.section.name, term: s.section.slug }] : []),
      ...s.tags.map((t) => ({ name: t.name, term: t.slug, scheme: `${publicUrl}${tagHref('')}` })),
    ],
    // The largest JPEG variant (the row's storage key). Its size is unknown until it is first made (variants are
    // made at first request): RSS requires a length, so 0, as common practice for an unknown size; Atom leaves it out.
    enclosure: hero ? { url: hero, type: 'image/jpeg', length: kind === 'rss' ? 0 : undefined } : undefined,
    // JSON Feed 1.1 fields the library does not write (every author, the item's language, the picture) and its
    // summary as plain text. Only for JSON: the library would write them into RSS items as elements.
    extensions: kind !== 'json' ? undefined : [
      field('authors', s.authors.map((a) => ({ name: a.name, url: `${publicUrl}${authorHref(a.slug)}` }))),
      field('language', s.language),
      ...(spec.content === 'full' ? [field('summary', excerpt(s))] : []),
      ...(hero ? [field('image', hero), field('attachments', [{ url: hero, mime_type: 'image/jpeg' }])] : []),
    ],
  };
}

/** The library escapes only `&` in a category's label and term (its XML writer adds `"`): a tag named
 * `Q&A <live>` would break the document, since XML allows no `<` in an attribute value (XML 1.0, AttValue).
 * Quotes are escaped in values, so each `label="..."` / `term="..."` ends at its first quote. */
function atomAttributes(xml: string): string {
  return xml.replace(/ (label|term)="([^"]*)"/g, (_m, name: string, value: string) => ` ${name}="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
}

/** The feed document of the given kind. */
export function buildFeed(kind: FeedKind, spec: FeedSpec, stories: FeedStory[]): string {
  const feed = new Feed({
    id: spec.page,
    title: spec.title,
    description: spec.description,
    link: spec.page,
    language: spec.language,
    updated: lastChange(stories),
    generator: 'Khabar',
    feedLinks: spec.self,
    // Plain text in both (RSS <copyright>, Atom <rights> of type text): the XML writer escapes it.
    ...(spec.rights ? { copyright: spec.rights } : {}),
  });
  for (const s of stories) feed.addItem(item(kind, s, spec));
  // RSS 2.0's <author> is an email address; a byline is a name, which Dublin Core's creator carries (one per author).
  if (kind === 'rss') {
    const rss = feed.rss2().replace(/<author>([^<]*)<\/author>/g, '<dc:creator>$1</dc:creator>');
    // The library declares the Dublin Core namespace only for some feeds (with full text); every byline needs it.
    return rss.includes('xmlns:dc=') ? rss : rss.replace('<rss version="2.0"', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"');
  }
  if (kind === 'atom') {
    // The library names an enclosure's type after its file extension ("image/jpg") and writes no xml:lang.
    return atomAttributes(feed.atom1())
      .replace(/(<link rel="enclosure" [^>]*type=")image\/jpg"/g, '$1image/jpeg"')
      .replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(spec.language)}">`);
  }
  // JSON Feed 1.1 (the library writes version 1): its version, language and feed address.
  feed.addExtension(field('version', 'https://jsonfeed.org/version/1.1'));
  feed.addExtension(field('language', spec.language));
  return feed.json1();
}

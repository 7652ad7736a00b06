// A partner's feed (RSS 2.0, Atom or JSON Feed, detected by feedsmith) read into one plain shape. A feed that
// cannot be read is a FeedProblem: the poll records it and the job moves on.
import { parseFeed } from 'feedsmith';

export interface FeedItem {
  /** guid/id, or the link when the feed gives none */
  key: string;
  url: string;
  title: string;
  published: string | null;
  authors: string[];
  categories: string[];
  /** the item's HTML as the feed carries it (summary and content) */
  html: string;
}

export class FeedProblem extends Error {}

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : typeof o(v).value === 'string' ? String(o(v).value) : '');
const names = (v: unknown): string[] => (Array.isArray(v) ? v.map((a) => (typeof a === 'string' ? a : text(o(a).name) || text(o(a).term) || text(o(a).label) || text(a))).filter(Boolean) : []);

function when(v: unknown): string | null {
  const t = Date.parse(text(v));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function fromRss(feed: Obj): FeedItem[] {
  return list(feed.items).map((i) => ({
    key: text(i.guid) || text(i.link), url: text(i.link), title: text(i.title), published: when(i.pubDate),
    authors: [...names(i.authors), ...names(o(i.dc).creators), text(o(i.dc).creator)].filter(Boolean),
    categories: names(i.categories), html: text(o(i.content).encoded) || text(i.description),
  }));
}

function fromAtom(feed: Obj): FeedItem[] {
  return list(feed.entries).map((e) => {
    const link = text(list(e.links).find((l) => !l.rel || l.rel === 'alternate')?.href);
    return {
      key: text(e.id) || link, url: link, title: text(e.title), published: when(e.published ?? e.updated),
      authors: names(e.authors), categories: names(e.categories), html: text(e.content) || text(e.summary),
    };
  });
}

function fromJson(feed: Obj): FeedItem[] {
  return list(feed.items).map((i) => ({
    key: text(i.id) || text(i.url), url: text(i.url), title: text(i.title), published: when(i.date_published),
    authors: names(i.authors ?? (i.author ? [i.author] : [])), categories: names(i.tags), html: text(i.content_html) || text(i.summary),
  }));
}

/** The feed's items with a link; throws FeedProblem for anything that is not a readable feed. */
export function readFeed(body: string): FeedItem[] {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(body) as { format: string; feed: unknown };
  } catch (e) {
    throw new FeedProblem(`not a readable RSS, Atom or JSON feed (${(e as Error).message ?? e})`.slice(0, 300));
  }
  const feed = o(parsed.feed);
  const items = parsed.format === 'rss' ? fromRss(feed) : parsed.format === 'atom' ? fromAtom(feed) : parsed.format === 'json' ? fromJson(feed) : null;
  if (!items) throw new FeedProblem(`unsupported feed format ${parsed.format}`);
  return items.filter((i) => i.url && i.key).slice(0, 500);
}

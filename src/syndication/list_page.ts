// A partner without a feed: its list page (a section front, "latest news") read for links to its stories, which
// then go through the same pipeline as feed items (fetch, extract, clean, dedupe, classify). The source's
// `list_selector` (CSS) names the story links, or the elements that hold them; without one, links are guessed:
// on the partner's own site, in the page's content (not its menus, header, footer or sidebars), inside a
// headline or an <article>, and with an address that looks like a story (a slug of words, a date or a number),
// never a section, tag, author, search or paging address.
import { parseHTML } from 'linkedom';
import { canonicalUrl } from './dedupe.ts';
import { FeedProblem, type FeedItem } from './feed_items.ts';

/** Links taken from one list page at most. */
export const MAX_LIST_LINKS = 100;

/** Page furniture whose links are never stories. */
const FURNITURE = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="menu"], [class*="sidebar"], [class*="widget"], [class*="related"], [class*="comment"]';
/** Where a guessed story link sits: a headline or an article's card. */
const STORY_PLACES = 'h1, h2, h3, h4, article, [class*="entry-title"], [class*="post-title"], [class*="story"], [class*="headline"]';
/** Addresses of lists, not stories (WordPress, Ghost and the usual CMS words; English and transliterated). */
const NOT_A_STORY = /\/(category|categories|tag|tags|topic|topics|author|authors|section|sections|page|search|feed|wp-admin|wp-login|login|signup|subscribe|about|contact|privacy|terms)(\/|$)|\/page\/\d+|[?&](s|page|p)=/i;
/** Links to files, not pages. */
const FILE = /\.(jpe?g|png|gif|webp|svg|pdf|zip|mp3|mp4|xml|json|rss)$/i;

/** Whether the path looks like one story: a slug of three or more words, a date in the path, or a long number. */
function storyLike(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const slugWords = decodeURIComponent(last).split(/[-_]+/).filter((w) => w.length > 0);
  return slugWords.length >= 3 || /\/\d{4}\/\d{1,2}\//.test(path) || /\d{4,}/.test(last);
}

function sameSite(a: URL, b: URL): boolean {
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^(www|m|amp)\./, '');
  return host(a) === host(b) && a.port === b.port;
}

function linksOf(el: Element): Element[] {
  return el.tagName === 'A' ? [el] : [...el.querySelectorAll('a[href]')];
}

/** The story links of a list page as feed items (key: the canonical address; no date, byline or category). */
export function readListPage(html: string, pageUrl: string, selector: string): FeedItem[] {
  const { document } = parseHTML(html);
  const base = new URL(pageUrl);
  let anchors: Element[];
  if (selector.trim()) {
    try {
      anchors = [...document.querySelectorAll(selector)].flatMap(linksOf);
    } catch {
      throw new FeedProblem(`the list selector "${selector.slice(0, 100)}" is not a CSS selector this reader understands`);
    }
  } else {
    anchors = [...document.querySelectorAll('a[href]')].filter((a) => !a.closest(FURNITURE) && a.closest(STORY_PLACES));
  }
  const items = new Map<string, FeedItem>();
  for (const a of anchors) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    url.hash = '';
    if (!/^https?:$/.test(url.protocol) || !sameSite(url, base) || FILE.test(url.pathname)) continue;
    if (!selector.trim() && (NOT_A_STORY.test(url.pathname + url.search) || !storyLike(url.pathname))) continue;
    const key = canonicalUrl(url.href);
    if (key === canonicalUrl(base.href) || items.has(key)) continue;
    // The link's words are a headline when it sits in one or says enough; else the story page's own title is used.
    const words = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const title = a.closest('h1, h2, h3, h4') || words.split(' ').length >= 4 ? words.slice(0, 300) : '';
    items.set(key, { key, url: url.href, title, published: null, authors: [], categories: [], html: '' });
    if (items.size >= MAX_LIST_LINKS) break;
  }
  return [...items.values()];
}

/** Whether a fetched document is an HTML page rather than a feed: by its first tag, else by its type (a feed
 * served as text/html is still a feed). */
export function isHtmlPage(contentType: string | undefined, text: string): boolean {
  const head = text.slice(0, 500).trimStart();
  if (/^(<\?xml|<rss|<feed|<rdf|\{)/i.test(head)) return false;
  if (/^(<!doctype html|<html)/i.test(head)) return true;
  return !!contentType && /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType);
}

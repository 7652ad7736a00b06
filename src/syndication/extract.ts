// A partner's article page -> the story alone. Mozilla's Readability (on linkedom's server-side DOM) finds the
// story; before it, the page loses what Readability sometimes keeps (ad slots, share bars, newsletter boxes,
// related lists, comment threads and forms, author boxes, cookie banners, footers); after it, stray labels
// such as "- Advertisement -" and comment-form messages are dropped. The caller still runs the sanitizer.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface Extracted {
  title: string;
  /** the story's HTML (not yet sanitized) */
  html: string;
  byline: string;
  published: string | null;
  /** the page's lead image (og:image), absolute */
  leadImage: string | null;
  /** <link rel=canonical>, absolute */
  canonical: string | null;
  language: string | null;
}

/** Class/id words of page furniture that is never part of the story. */
const FURNITURE = new Set([
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'promo', 'adsbygoogle', 'banner',
  'share', 'sharing', 'sharebar', 'social', 'newsletter', 'subscribe', 'subscription', 'signup', 'related', 'more', 'recommended',
  'popular', 'trending', 'readmore', 'comment', 'comments', 'respond', 'reply', 'disqus', 'captcha', 'author', 'authorbox', 'bio',
  'cookie', 'cookies', 'consent', 'gdpr', 'footer', 'sidebar', 'widget', 'breadcrumb', 'breadcrumbs', 'pagination', 'tags', 'nav',
]);
const FURNITURE_TAGS = 'script, style, noscript, iframe, form, nav, footer, aside, button, input, textarea, select, ins, svg, template, dialog';

/** Whole-paragraph texts that are labels or form messages, not story (English, Persian, Pashto). */
const STRAY = [
  /^[\s\-–—_|]*(advertisement|advertisment|sponsored( content)?|ad|ads|تبلیغات|آگهی|اعلان|اعلانونه)[\s\-–—_|]*$/i,
  /^(please enter your (comment|name)|you have entered an incorrect email|captcha verification failed|leave a (reply|comment)|post comment|save my name, email|notify me of)/i,
  /^(related( articles| stories| posts)?|more articles|more stories|read more|also read|you may also like|recommended for you|مطالب مرتبط|بیشتر بخوانید)\b[:\s]*/i,
  /^(share (this|on)|follow us|subscribe to our newsletter|sign up for our newsletter)/i,
];

function tokens(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

/** Never remove the story's own containers, however they are named. */
function holdsStory(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  return tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article' || el.querySelector('article, main, h1') !== null;
}

function meta(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v || null;
}

function absolute(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const u = new URL(value, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function removeFurniture(doc: Document): void {
  for (const el of [...doc.querySelectorAll(FURNITURE_TAGS)]) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id], [role]')]) {
    if (!el.isConnected || holdsStory(el)) continue;
    if (tokens(el).some((t) => FURNITURE.has(t)) || el.getAttribute('aria-hidden') === 'true') el.remove();
  }
}

function dropStrays(doc: Document): void {
  for (const el of [...doc.querySelectorAll('p, div, span, h2, h3, h4, li, strong')]) {
    if (!el.isConnected) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && text.length < 160 && STRAY.some((re) => re.test(text)) && !el.querySelector('p')) el.remove();
  }
}

function publishedFrom(doc: Document): string | null {
  const raw = meta(doc, 'meta[property="article:published_time"]') ?? meta(doc, 'meta[itemprop="datePublished"]')
    ?? doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const t = raw ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Extracts the story from a partner's page at `url`; null when nothing that reads as a story is there. */
export function extractStory(html: string, url: string): Extracted | null {
  const { document: doc } = parseHTML(html);
  for (const el of [...doc.querySelectorAll('img[src], img[data-src], a[href]')]) {
    if (el.tagName.toLowerCase() === 'a') el.setAttribute('href', absolute(el.getAttribute('href'), url) ?? '#');
    else el.setAttribute('src', absolute(el.getAttribute('data-src') ?? el.getAttribute('src'), url) ?? '');
  }
  // The story's own byline, read before author boxes (the partner's other staff) are removed with the furniture.
  const byline = meta(doc, 'meta[name="author"]') ?? meta(doc, 'meta[property="article:author"]')
    ?? doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name')?.textContent?.trim() ?? null;
  const published = publishedFrom(doc);
  const leadImage = absolute(meta(doc, 'meta[property="og:image"]'), url);
  const canonical = absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url);
  const language = doc.documentElement?.getAttribute('lang') ?? null;
  removeFurniture(doc);
  const article = new Readability(doc as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  if (!article?.content) return null;
  const { document: story } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  removeFurniture(story);
  dropStrays(story);
  // The headline, dateline and kicker are shown by our page from their own fields, not repeated in the body.
  for (const el of [...story.querySelectorAll('header, time')]) el.remove();
  const title = (article.title ?? '').trim();
  for (const el of [...story.querySelectorAll('h1, h2, h3')]) if ((el.textContent ?? '').trim() === title) el.remove();
  const out = story.body.innerHTML.trim();
  if (!(story.body.textContent ?? '').trim()) return null;
  return {
    title, html: out, byline: (byline ?? article.byline ?? '').replace(/^\s*by\s+/i, '').trim(),
    published, leadImage, canonical, language,
  };
}

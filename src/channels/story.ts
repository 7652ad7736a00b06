// What a channel post says: a published story's headline, standfirst, text, link and hero picture, or a live entry's
// text and link; cut to the limits of each API with the link always kept.
import type { AppContext } from '../context.ts';
import { bodyTextOf, publishedCards } from '../content/reading.ts';
import { imageSources } from '../media/images.ts';

export interface PostContent {
  language: string;
  headline: string;
  standfirst: string;
  text: string;
  url: string;
  /** the hero picture's absolute address, or '' */
  picture: string;
  /** the section the story is in (alerts to readers following that section) */
  sectionId: number | null;
}

/** A published story as channels show it, or null when it is not (or no longer) published. */
export async function storyContent(ctx: AppContext, articleId: number): Promise<PostContent | null> {
  const [card] = await publishedCards(ctx.db, [articleId]);
  if (!card) return null;
  const text = await bodyTextOf(ctx.db, articleId);
  const base = ctx.config.publicUrl;
  const hero = card.hero ? imageSources(card.hero, 1280).src : '';
  return {
    language: card.language, headline: card.headline, standfirst: card.standfirst ?? '', text,
    url: `${base}/articles/${encodeURIComponent(card.slug)}`, picture: hero ? (/^https?:/.test(hero) ? hero : base + hero) : '', sectionId: card.section?.id ?? null,
  };
}

/** Cuts text to at most `max` UTF-16 units (what Telegram and Mastodon count) at a word, with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '';
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Paragraphs joined, with the middle one (the story's text) cut so that the whole fits `max`. */
export function fitted(parts: { head: string[]; body: string; tail: string[] }, max: number): string {
  const fixed = [...parts.head, ...parts.tail].filter(Boolean);
  const sep = 2;
  const room = max - fixed.reduce((n, p) => n + p.length + sep, 0);
  const body = parts.body && room > 40 ? cut(parts.body.trim(), room) : '';
  return [...parts.head, body, ...parts.tail].filter(Boolean).join('\n\n');
}

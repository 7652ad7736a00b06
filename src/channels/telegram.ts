// The Telegram Bot API (https://core.telegram.org/bots/api): a story goes to the language's channel as the story's
// text up to Telegram's limit (4096 characters, read in Telegram when the site is blocked) with its picture shown
// above, or as the hero picture with a caption (1024) of the headline, standfirst and link. An edit updates the
// same message (editMessageText / editMessageCaption). The API's address is KHABAR_TELEGRAM_API.
import type { AppContext } from '../context.ts';
import { t } from '../i18n/index.ts';
import { cut, fitted, type PostContent } from './story.ts';
import type { ApiAnswer } from './api_answer.ts';

const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const TIMEOUT_MS = 20_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML of a caption (1024: headline, standfirst, link) or a message (4096: with the story's text when fullText). */
function compose(content: PostContent, kind: 'caption' | 'text', fullText: boolean): string {
  const tail = `${t(content.language, 'channels.read_more')}: ${content.url}`;
  const max = kind === 'caption' ? CAPTION_MAX : TEXT_MAX;
  const headline = cut(content.headline, 300);
  const standfirst = cut(content.standfirst, Math.max(0, max - headline.length - tail.length - 8));
  const plain = fitted({ head: [headline, standfirst].filter(Boolean), body: kind === 'text' && fullText ? content.text : '', tail: [tail] }, max);
  // The headline in bold: Telegram counts the text after its tags are read, so the limit holds for the plain text.
  return headline ? `<b>${escapeHtml(headline)}</b>${escapeHtml(plain.slice(headline.length))}` : escapeHtml(plain);
}

/** A message's picture shown above its text: the hero picture, or the story's own preview. */
const preview = (content: PostContent) => ({ url: content.picture || content.url, prefer_large_media: true, show_above_text: true });

/** The message for a post: its method and the fields Telegram takes for it. */
export function telegramMessage(content: PostContent, fullText: boolean): { method: 'sendPhoto' | 'sendMessage'; fields: Record<string, unknown> } {
  if (content.picture && !fullText) return { method: 'sendPhoto', fields: { photo: content.picture, caption: compose(content, 'caption', fullText), parse_mode: 'HTML' } };
  return { method: 'sendMessage', fields: { text: compose(content, 'text', fullText), parse_mode: 'HTML', link_preview_options: preview(content) } };
}

async function call(ctx: AppContext, token: string, method: string, body: Record<string, unknown>): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await fetch(`${ctx.config.telegramApi}/bot${token}/${method}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return { kind: (err as Error).name === 'TimeoutError' ? 'unknown' : 'retry', error: `Telegram could not be reached: ${(err as Error).message}` };
  }
  const json = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: { message_id?: number }; description?: string; parameters?: { retry_after?: number } };
  if (res.ok && json.ok) return { kind: 'ok', remoteId: json.result?.message_id !== undefined ? String(json.result.message_id) : '' };
  const error = `Telegram answered ${res.status}: ${String(json.description ?? '').slice(0, 200)}`;
  // 429: Telegram says how long to wait (parameters.retry_after, in seconds); nothing was posted.
  if (res.status === 429) return { kind: 'retry', error, retryAfter: json.parameters?.retry_after ?? 30 };
  if (res.status >= 500) return { kind: 'retry', error };
  // An edit that changes nothing is no failure.
  if (/message is not modified/i.test(json.description ?? '')) return { kind: 'ok', remoteId: '' };
  return { kind: 'failed', error };
}

/** Posts to the channel; remoteId is the message's id. */
export function telegramPost(ctx: AppContext, token: string, chat: string, content: PostContent, fullText: boolean): Promise<ApiAnswer & { method?: string }> {
  const m = telegramMessage(content, fullText);
  return call(ctx, token, m.method, { chat_id: chat, ...m.fields }).then((a) => ({ ...a, method: m.method }));
}

/** Updates a posted message with the story as it is now (a caption stays a caption, a text a text). */
export function telegramEdit(ctx: AppContext, token: string, chat: string, messageId: string, method: string, content: PostContent, fullText: boolean): Promise<ApiAnswer> {
  const ids = { chat_id: chat, message_id: Number(messageId) };
  if (method === 'sendPhoto') return call(ctx, token, 'editMessageCaption', { ...ids, caption: compose(content, 'caption', fullText), parse_mode: 'HTML' });
  return call(ctx, token, 'editMessageText', { ...ids, text: compose(content, 'text', fullText), parse_mode: 'HTML', link_preview_options: preview(content) });
}

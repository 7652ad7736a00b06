// Channel posts: a published story (or a live entry marked for it) is written as one post per channel ('telegram:fa',
// 'mastodon'), unique per channel and subject, so asking twice never posts twice. The job runner (jobs.ts) posts what
// is due. Before a request goes out the post is marked 'sending', and the API's answer records its message id: a
// refusal that posted nothing (429 with retry_after, 5xx) is tried again when the API says; a request whose answer
// never came is left 'unknown' rather than posted again (Telegram has no idempotency key), and the newsroom sees it.
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { getChannelSecrets, getChannelSettings } from './settings.ts';
import { storyContent, type PostContent } from './story.ts';
import { telegramEdit, telegramPost } from './telegram.ts';
import { mastodonEdit, mastodonPost } from './mastodon.ts';
import type { PostStatus } from './tables.ts';
import type { ApiAnswer } from './api_answer.ts';


const MAX_ATTEMPTS = 8;
const BATCH = 50;

export interface EntryPayload {
  text: string;
  url: string;
}

/** The channels that take posts in this language now (a token and a channel set). */
async function channelsFor(ctx: AppContext, language: string): Promise<string[]> {
  const [settings, secrets] = await Promise.all([getChannelSettings(ctx), getChannelSecrets(ctx)]);
  const out: string[] = [];
  if (settings.telegramChannels[language] && secrets.telegramTokens[language]) out.push(`telegram:${language}`);
  if (settings.mastodonInstance && secrets.mastodonToken && (!settings.mastodonLanguages.length || settings.mastodonLanguages.includes(language))) out.push('mastodon');
  return out;
}

async function queue(ctx: AppContext, subject: string, language: string, payload: string): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let n = 0;
  for (const channel of await channelsFor(ctx, language)) {
    const r = await ctx.db.insertInto('channel_posts').values({ channel, subject, language, payload, status: 'pending', method: '', remote_id: '', attempts: 0, next_at: now, edit_due: 0, error: '', created_at: now, posted_at: null })
      .onConflict((oc) => oc.columns(['channel', 'subject']).doNothing()).executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Queues a published story for its language's channels; returns how many posts were queued (0 when already done). */
export async function queueStoryPosts(ctx: AppContext, articleId: number): Promise<number> {
  const content = await storyContent(ctx, articleId);
  if (!content) throw new NotFoundError('Only a published story can be posted to the channels');
  return queue(ctx, `article:${articleId}`, content.language, '');
}

/** Queues a live entry for its language's channels. */
export function queueEntryPosts(ctx: AppContext, entryId: number, language: string, entry: EntryPayload): Promise<number> {
  return queue(ctx, `entry:${entryId}`, language, JSON.stringify(entry));
}

/** Queues a plain message from the newsroom (no story behind it) for a language's channels, once per key; returns
 * how many posts were queued (0 when no channel takes that language). */
export function queueMessagePosts(ctx: AppContext, key: string, language: string, message: EntryPayload): Promise<number> {
  // the language is part of the subject: one Mastodon account takes every language's message
  return queue(ctx, `message:${language}:${key}`, language, JSON.stringify(message));
}

/** A story changed after it was posted (an edit, a correction): its posts are updated on the next run. */
export async function storyChanged(ctx: AppContext, articleId: number): Promise<void> {
  await ctx.db.updateTable('channel_posts').set({ edit_due: 1, next_at: ctx.clock.now().toISOString() })
    .where('subject', '=', `article:${articleId}`).where('status', '=', 'posted').execute();
}

async function contentOf(ctx: AppContext, post: { subject: string; language: string; payload: string }): Promise<PostContent | null> {
  const [kind, id] = post.subject.split(':');
  if (kind === 'article') return storyContent(ctx, Number(id));
  const e = JSON.parse(post.payload || '{}') as Partial<EntryPayload>;
  return { language: post.language, headline: '', standfirst: e.text ?? '', text: '', url: e.url ?? '', picture: '', sectionId: null };
}

/** Posts and updates what is due; returns how many requests were answered ok. */
export async function runDuePosts(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.selectFrom('channel_posts').selectAll().where('next_at', '<=', now.toISOString())
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'posted'), eb('edit_due', '=', 1)])]))
    .orderBy('id').limit(BATCH).execute();
  if (!due.length) return 0;
  const [settings, secrets] = await Promise.all([getChannelSettings(ctx), getChannelSecrets(ctx)]);
  let ok = 0;
  for (const post of due) {
    const editing = post.status === 'posted';
    const content = await contentOf(ctx, post);
    if (!content) {
      await ctx.db.updateTable('channel_posts').set({ status: editing ? 'posted' : 'failed', edit_due: 0, error: 'the story is no longer published' }).where('id', '=', post.id).execute();
      continue;
    }
    const [service, language = ''] = post.channel.split(':');
    const token = service === 'telegram' ? secrets.telegramTokens[language] : secrets.mastodonToken;
    const chat = settings.telegramChannels[language] ?? '';
    if (!token || (service === 'telegram' && !chat) || (service === 'mastodon' && !settings.mastodonInstance)) {
      await ctx.db.updateTable('channel_posts').set({ status: editing ? 'posted' : 'failed', edit_due: 0, error: 'the channel is no longer connected' }).where('id', '=', post.id).execute();
      continue;
    }
    if (!editing) {
      // Marked before the request: a process that dies while it is out leaves 'sending', never a second post.
      const claimed = await ctx.db.updateTable('channel_posts').set({ status: 'sending', attempts: post.attempts + 1 }).where('id', '=', post.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
    }
    let answer: ApiAnswer & { method?: string };
    if (service === 'telegram') {
      answer = editing
        ? await telegramEdit(ctx, token, chat, post.remote_id, post.method, content, settings.telegramFullText)
        : await telegramPost(ctx, token, chat, content, settings.telegramFullText);
    } else {
      answer = editing
        ? await mastodonEdit(ctx, settings.mastodonInstance, token, post.remote_id, content)
        : { ...(await mastodonPost(ctx, settings.mastodonInstance, token, content, `khabar-post-${post.id}`)), method: 'status' };
    }
    await record(ctx, post, editing, answer, now);
    if (answer.kind === 'ok') ok++;
  }
  return ok;
}

async function record(ctx: AppContext, post: { id: number; attempts: number }, editing: boolean, answer: ApiAnswer & { method?: string }, now: Date): Promise<void> {
  const set = (values: { status?: PostStatus; remote_id?: string; method?: string; next_at?: string; edit_due?: number; error?: string; posted_at?: string }) =>
    ctx.db.updateTable('channel_posts').set(values).where('id', '=', post.id).execute();
  const attempts = post.attempts + 1;
  if (answer.kind === 'ok') {
    if (editing) await set({ edit_due: 0, error: '' });
    else await set({ status: 'posted', remote_id: answer.remoteId, method: answer.method ?? '', error: '', posted_at: now.toISOString() });
    return;
  }
  if (answer.kind === 'retry' && attempts < MAX_ATTEMPTS) {
    // As long as the API asked (retry_after), else 30 s, 2, 8, 32 minutes...
    const wait = answer.retryAfter ?? 30 * 4 ** (attempts - 1);
    const next = new Date(now.getTime() + Math.min(wait, 6 * 3600) * 1000).toISOString();
    if (editing) await ctx.db.updateTable('channel_posts').set({ next_at: next, error: answer.error, attempts }).where('id', '=', post.id).execute();
    else await set({ status: 'pending', next_at: next, error: answer.error });
    return;
  }
  if (editing) await set({ edit_due: 0, error: `the update failed: ${answer.error}` });
  else await set({ status: answer.kind === 'unknown' ? 'unknown' : 'failed', error: answer.error });
}

export interface PostView {
  id: number;
  channel: string;
  subject: string;
  language: string;
  status: PostStatus;
  remoteId: string;
  attempts: number;
  error: string;
  createdAt: string;
  postedAt: string | null;
}

/** The newest posts, for the newsroom's screen. */
export async function listPosts(ctx: AppContext, limit = 50): Promise<PostView[]> {
  const rows = await ctx.db.selectFrom('channel_posts').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, subject: r.subject, language: r.language, status: r.status, remoteId: r.remote_id, attempts: r.attempts, error: r.error, createdAt: r.created_at, postedAt: r.posted_at }));
}

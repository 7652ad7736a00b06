// "Tell readers where to find us": the current addresses (the main site, every mirror holding a genuine copy, the
// mirrors the newsroom listed by hand, the onion service) and the public key that signs every copy, sent once to
// the subscribers of every newsletter list in the list's language and posted to each language's channels. The
// letters go as a one-off send of the newsletters domain and the posts as the channels domain's posting jobs, so
// both keep their own pacing, retries and suppressions.
import type { AppContext } from '../context.ts';
import { getSettings } from '../content/settings.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { listLists, listName } from '../newsletters/lists.ts';
import { createSend, startSend } from '../newsletters/sending.ts';
import { newsletterTransport } from '../newsletters/transport.ts';
import { queueMessagePosts } from '../channels/posting.ts';
import { currentMirrorAddresses } from './mirrors.ts';
import { signingKey } from './signing.ts';

export interface Addresses {
  main: string;
  mirrors: string[];
  onion: string | null;
  publicKey: string;
}

export interface Skipped {
  reason: 'no_lists' | 'no_relay' | 'no_channel';
  language: string | null;
  message: string;
}

export interface AnnounceOutcome {
  addresses: Addresses;
  /** one newsletter send started per list */
  letters: { listId: number; list: string; language: string; sendId: number; recipients: number }[];
  /** channel posts queued per language */
  posts: { language: string; queued: number }[];
  /** what was not reached, and why (no lists, no relay, a language without a channel), in plain words */
  skipped: Skipped[];
}

/** The addresses a reader can use now: the main site, mirrors that hold a current or recent genuine copy and those
 * set in KHABAR_MIRRORS (each once), the onion service, and the key that signs every copy. */
export async function currentAddresses(ctx: AppContext): Promise<Addresses> {
  const main = ctx.config.publicUrl;
  const mirrors = [...new Set([...ctx.config.mirrors, ...(await currentMirrorAddresses(ctx))])].filter((m) => m !== main);
  return { main, mirrors, onion: ctx.config.onionUrl, publicKey: (await signingKey(ctx)).publicKey };
}

/** The addresses written out in a language (a letter's text; a post takes the same lines under its own heading). */
function lines(lang: string, a: Addresses): string[] {
  const say = (key: MessageKey, vars: Record<string, string> = {}) => t(lang, key, vars);
  return [
    say('mirrors.announce.main', { url: a.main }),
    ...(a.mirrors.length ? ['', say('mirrors.announce.mirrors'), ...a.mirrors.map((m) => `• ${m}`)] : []),
    ...(a.onion ? ['', say('mirrors.announce.onion', { url: a.onion })] : []),
    '', say('mirrors.announce.key', { key: a.publicKey }),
  ];
}

/** Sends the current addresses to every newsletter list's subscribers and queues a post for each language's channels. */
export async function announceAddresses(ctx: AppContext, actorId: number | null): Promise<AnnounceOutcome> {
  const [addresses, site, lists, transport] = await Promise.all([currentAddresses(ctx), getSettings(ctx.db), listLists(ctx.db), newsletterTransport(ctx)]);
  const siteName = (lang: string) => site.localized[lang]?.name || site.name;
  const out: AnnounceOutcome = { addresses, letters: [], posts: [], skipped: [] };

  if (!lists.length) out.skipped.push({ reason: 'no_lists', language: null, message: 'newsletters: there are no newsletter lists' });
  else if (!transport) out.skipped.push({ reason: 'no_relay', language: null, message: 'newsletters: no SMTP relay is set (newsletter settings or SMTP_URL)' });
  else {
    for (const list of lists) {
      const lang = list.language;
      const intro = [t(lang, 'mirrors.announce.intro', { site: siteName(lang) }), '', ...lines(lang, addresses)].join('\n');
      const sendId = await createSend(ctx, { listId: list.id, kind: 'notice', subject: t(lang, 'mirrors.announce.subject', { site: siteName(lang) }), intro, articleIds: [] }, actorId);
      const { recipients } = await startSend(ctx, sendId);
      out.letters.push({ listId: list.id, list: listName(list, lang), language: lang, sendId, recipients });
    }
  }

  // One key per announcement: asking twice in a moment does not post twice, a later announcement posts again.
  const key = `addresses:${ctx.clock.now().toISOString()}`;
  for (const lang of [...new Set([site.language, ...site.languages])]) {
    const text = [t(lang, 'mirrors.announce.post', { site: siteName(lang) }), '', ...lines(lang, addresses)].join('\n');
    const queued = await queueMessagePosts(ctx, key, lang, { text, url: addresses.main });
    out.posts.push({ language: lang, queued });
    if (!queued) out.skipped.push({ reason: 'no_channel', language: lang, message: `channels: no Telegram channel or Mastodon account takes ${lang}` });
  }
  return out;
}

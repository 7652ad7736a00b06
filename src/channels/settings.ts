// Alerts and channels settings: one typed object kept as JSON in channel_settings, defaults for every field. The
// Telegram bot tokens and the Mastodon access token are sealed with the site's secret (auth/secret_box.ts) and never
// answered back; the VAPID key pair is made once, on first use, and kept sealed the same way.
import type { AppContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { openFor, sealFor } from '../auth/secret_box.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { loadWebPush } from './web_push.ts';

export interface ChannelSettings {
  /** the "Get alerts" button is offered on the site */
  pushEnabled: boolean;
  /** a language's Telegram channel: '@name' or a numeric chat id; a language with no entry posts nowhere */
  telegramChannels: Record<string, string>;
  /** Telegram posts carry the story's text up to Telegram's limit (read there when the site is blocked); off: the
   * hero picture with the headline, standfirst and link */
  telegramFullText: boolean;
  /** the Mastodon instance (https://...); '' = no Mastodon account */
  mastodonInstance: string;
  /** the languages whose stories go to the Mastodon account; [] = every language */
  mastodonLanguages: string[];
}

/** The sealed fields: written through the API, never read back through it. */
export interface ChannelSecrets {
  /** a language's Telegram bot token, by language */
  telegramTokens: Record<string, string>;
  mastodonToken: string;
}

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = { pushEnabled: false, telegramChannels: {}, telegramFullText: true, mastodonInstance: '', mastodonLanguages: [] };

const isLanguage = (v: string) => (LANGUAGES as readonly string[]).includes(v);
type Check = (v: unknown) => boolean;
const checks: { [K in keyof ChannelSettings]: Check } = {
  pushEnabled: (v) => typeof v === 'boolean',
  telegramFullText: (v) => typeof v === 'boolean',
  telegramChannels: (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
    && Object.entries(v).every(([k, c]) => isLanguage(k) && typeof c === 'string' && (c === '' || /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/.test(c))),
  mastodonInstance: (v) => typeof v === 'string' && (v === '' || /^https?:\/\/[^\s/?#@]+$/.test(v)),
  mastodonLanguages: (v) => Array.isArray(v) && v.every((l) => typeof l === 'string' && isLanguage(l)),
};

async function readRow(ctx: AppContext, key: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('channel_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function writeRow(ctx: AppContext, key: string, value: string): Promise<void> {
  await ctx.db.insertInto('channel_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** The settings, defaults filled in. */
export async function getChannelSettings(ctx: AppContext): Promise<ChannelSettings> {
  const raw = await readRow(ctx, 'settings');
  const stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => k in checks)) as Partial<ChannelSettings>;
  return { ...DEFAULT_CHANNEL_SETTINGS, ...known };
}

/** Validates and stores a change; names the first bad field. */
export async function updateChannelSettings(ctx: AppContext, patch: Record<string, unknown>): Promise<ChannelSettings> {
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in checks)) throw new ValidationError(k, `${k} is not an alerts or channels setting`);
    if (!checks[k as keyof ChannelSettings](v)) throw new ValidationError(k, `${k} has a value that is not allowed`);
  }
  const next = { ...(await getChannelSettings(ctx)), ...patch } as ChannelSettings;
  if (typeof patch.mastodonInstance === 'string') next.mastodonInstance = patch.mastodonInstance.replace(/\/+$/, '');
  next.telegramChannels = Object.fromEntries(Object.entries(next.telegramChannels).filter(([, c]) => c !== ''));
  await writeRow(ctx, 'settings', JSON.stringify(next));
  // Every page's footer offers alerts or not: the kept reads and cached pages follow the change.
  if ('pushEnabled' in patch) await ctx.events.emit('settings.changed', { keys: ['pushEnabled'] });
  return next;
}

const TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/;

/** The opened secrets ('' for any not set). */
export async function getChannelSecrets(ctx: AppContext): Promise<ChannelSecrets> {
  const telegramTokens: Record<string, string> = {};
  for (const lang of LANGUAGES) {
    const stored = await readRow(ctx, `secret:telegram:${lang}`);
    const open = stored ? openFor(ctx.secret, `channels:telegram:${lang}`, stored) : null;
    if (open) telegramTokens[lang] = open;
  }
  const m = await readRow(ctx, 'secret:mastodon');
  return { telegramTokens, mastodonToken: (m ? openFor(ctx.secret, 'channels:mastodon', m) : null) ?? '' };
}

/** Which secrets are set (what the Admin API answers instead of the secrets). */
export async function channelSecretsSet(ctx: AppContext): Promise<{ telegramTokens: string[]; mastodonToken: boolean }> {
  const s = await getChannelSecrets(ctx);
  return { telegramTokens: Object.keys(s.telegramTokens), mastodonToken: !!s.mastodonToken };
}

/** Seals and stores secrets ('' clears one). */
export async function setChannelSecrets(ctx: AppContext, patch: { telegramTokens?: Record<string, string>; mastodonToken?: string }): Promise<void> {
  for (const [lang, token] of Object.entries(patch.telegramTokens ?? {})) {
    if (!isLanguage(lang)) throw new ValidationError('telegramTokens', `${lang} is not a language of the site`);
    if (token !== '' && !TOKEN.test(token)) throw new ValidationError('telegramTokens', 'a Telegram bot token looks like 123456:ABC-DEF... (from @BotFather)');
  }
  if (patch.mastodonToken !== undefined && patch.mastodonToken !== '' && !/^[A-Za-z0-9_-]{20,200}$/.test(patch.mastodonToken)) {
    throw new ValidationError('mastodonToken', 'a Mastodon access token is 20 to 200 letters, digits, - or _');
  }
  const store = async (key: string, purpose: string, value: string) => {
    if (value === '') await ctx.db.deleteFrom('channel_settings').where('key', '=', key).execute();
    else await writeRow(ctx, key, sealFor(ctx.secret, purpose, value));
  };
  for (const [lang, token] of Object.entries(patch.telegramTokens ?? {})) await store(`secret:telegram:${lang}`, `channels:telegram:${lang}`, token);
  if (patch.mastodonToken !== undefined) await store('secret:mastodon', 'channels:mastodon', patch.mastodonToken);
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The site's VAPID key pair (RFC 8292), made the first time it is asked for. Two instances asking at once keep the
 * first one stored. A pair sealed with another site secret cannot be opened: a new pair is made, and browsers
 * subscribed with the old one subscribe again on their next visit (alerts.js compares the key). */
export async function vapidKeys(ctx: AppContext): Promise<VapidKeys> {
  const stored = await readRow(ctx, 'vapid');
  const open = stored ? openFor(ctx.secret, 'channels:vapid', stored) : null;
  if (open) return JSON.parse(open) as VapidKeys;
  const made = loadWebPush().generateVAPIDKeys();
  const sealed = sealFor(ctx.secret, 'channels:vapid', JSON.stringify(made));
  if (stored) await writeRow(ctx, 'vapid', sealed);
  else await ctx.db.insertInto('channel_settings').values({ key: 'vapid', value: sealed }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const again = await readRow(ctx, 'vapid');
  return JSON.parse(openFor(ctx.secret, 'channels:vapid', again ?? '') ?? JSON.stringify(made)) as VapidKeys;
}

// Where a reader came from, grouped the way an editor asks about it: search engines, social networks, Telegram,
// WhatsApp, email newsletters, partner sites and mirrors, other sites, the site itself, or nothing at all (direct:
// a typed address, a bookmark, an app that sends no referrer). A campaign tag in the address (utm_source,
// utm_medium, as newsletters and Telegram channel posts add) outranks the referrer, which apps often drop.

export const REFERRER_GROUPS = ['search', 'social', 'telegram', 'whatsapp', 'email', 'partner', 'other', 'internal', 'direct'] as const;
export type ReferrerGroup = (typeof REFERRER_GROUPS)[number];

// Matched against the host and each of its parent domains (news.google.com -> google.com).
const SEARCH = ['google', 'bing.com', 'duckduckgo.com', 'yandex', 'baidu.com', 'yahoo.com', 'ecosia.org', 'qwant.com', 'startpage.com',
  'search.brave.com', 'naver.com', 'seznam.cz', 'yep.com', 'kagi.com', 'mojeek.com', 'sogou.com', 'so.com'];
const SOCIAL = ['facebook.com', 'fb.com', 'fb.me', 'm.facebook.com', 'l.facebook.com', 'instagram.com', 't.co', 'twitter.com', 'x.com',
  'linkedin.com', 'lnkd.in', 'reddit.com', 'youtube.com', 'youtu.be', 'tiktok.com', 'pinterest.com', 'vk.com', 'threads.net', 'bsky.app',
  'mastodon.social', 'news.ycombinator.com', 'quora.com', 'snapchat.com', 'tumblr.com'];
const TELEGRAM = ['t.me', 'telegram.me', 'telegram.org', 'web.telegram.org'];
const WHATSAPP = ['wa.me', 'whatsapp.com', 'web.whatsapp.com', 'chat.whatsapp.com'];
const EMAIL = ['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com', 'mail.proton.me',
  'mail.zoho.com', 'webmail', 'mail.aol.com', 'mail.yandex.ru', 'fastmail.com', 'tuta.com'];

const CAMPAIGN: Record<string, ReferrerGroup> = {
  telegram: 'telegram', tg: 'telegram', whatsapp: 'whatsapp', wa: 'whatsapp', email: 'email', newsletter: 'email', mail: 'email',
  facebook: 'social', twitter: 'social', x: 'social', instagram: 'social', social: 'social', google: 'search', bing: 'search',
};

/** The site's own hosts and its partners' and mirrors' hosts, lower case without a port or "www.". */
export interface KnownHosts {
  own: ReadonlySet<string>;
  partners: ReadonlySet<string>;
}

/** A host as kept: lower case, without "www." and without a port. */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(/:\d+$/, '').replace(/^www\./, '').replace(/\.$/, '');
}

/** The host of an http(s) address (or an origin), bare; null for anything else. */
export function hostOf(address: string): string | null {
  try {
    const u = new URL(address);
    return u.protocol === 'http:' || u.protocol === 'https:' ? bareHost(u.hostname) : null;
  } catch {
    return null;
  }
}

function matches(host: string, list: readonly string[]): boolean {
  return list.some((d) => (d.includes('.') ? host === d || host.endsWith(`.${d}`) : host === d || host.startsWith(`${d}.`) || host.includes(`.${d}.`)));
}

/** The group and the referring site (its host, '' for direct and campaign-only arrivals) of one view. */
export function classifyReferrer(referer: string | undefined, query: string, known: KnownHosts): { group: ReferrerGroup; host: string } {
  const host = referer ? hostOf(referer) : null;
  const params = new URLSearchParams(query);
  const tag = (params.get('utm_source') ?? params.get('utm_medium') ?? '').toLowerCase().trim();
  const medium = (params.get('utm_medium') ?? '').toLowerCase().trim();
  const campaign = CAMPAIGN[medium] ?? CAMPAIGN[tag];
  if (host && known.own.has(host)) return campaign ? { group: campaign, host: '' } : { group: 'internal', host: '' };
  if (campaign) return { group: campaign, host: host ?? '' };
  if (!host) return { group: 'direct', host: '' };
  if (known.partners.has(host)) return { group: 'partner', host };
  if (matches(host, TELEGRAM)) return { group: 'telegram', host };
  if (matches(host, WHATSAPP)) return { group: 'whatsapp', host };
  if (matches(host, EMAIL)) return { group: 'email', host };
  if (matches(host, SEARCH)) return { group: 'search', host };
  if (matches(host, SOCIAL)) return { group: 'social', host };
  return { group: 'other', host };
}

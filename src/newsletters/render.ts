// A letter's HTML and plain text: the stories with their pictures (the site's own JPEG variants at absolute
// addresses), in the list's language and direction, its dates in the reader's calendar and digits. No tracking
// pixel; links go straight to the story unless the newsroom turned click counts on (a first-party redirect). The
// per-reader links are placeholders filled in for each reader (personalise), so a send renders once.
import type { AppContext } from '../context.ts';
import type { ArticleCard } from '../content/reading.ts';
import type { SiteSettings } from '../content/settings.ts';
import { imageSources } from '../media/images.ts';
import { calendarOf, dir, formatDate, t, listParts } from '../i18n/index.ts';
import { sign } from './links.ts';

export const PREFS = '%%khabar-preferences%%';
export const UNSUB = '%%khabar-unsubscribe%%';

export interface LetterContent {
  lang: string;
  site: SiteSettings;
  listName: string;
  subject: string;
  intro: string;
  stories: ArticleCard[];
  kind: 'digest' | 'story' | 'alert' | 'notice';
  /** set when clicks are counted: links go through /newsletters/c/<send> */
  clickSendId: number | null;
}

const esc = (s: string) => s.replace(/[&<>"'%]/g, (c) => `&#${c.charCodeAt(0)};`);
const plain = (s: string) => s.replace(/%%/g, '% %');

/** The site's name in a language (its own when the newsroom wrote one). */
export function siteName(site: SiteSettings, lang: string): string {
  return site.localized[lang]?.name || site.name;
}

/** A letter's dates follow the site's calendar for its language (Solar Hijri in Dari and Pashto by default). */
export function letterDates(site: SiteSettings, lang: string) {
  return { timeZone: site.timeZone, calendar: calendarOf(lang, site), persianLocale: site.persianLocale };
}

function storyUrl(ctx: AppContext, c: LetterContent, slug: string): string {
  const url = `${ctx.config.publicUrl}/articles/${encodeURIComponent(slug)}`;
  if (c.clickSendId === null) return url;
  return `${ctx.config.publicUrl}/newsletters/c/${c.clickSendId}?u=${encodeURIComponent(url)}&s=${sign(ctx.secret, 'click', [c.clickSendId, url])}`;
}

function picture(ctx: AppContext, a: ArticleCard): string {
  if (!a.hero) return '';
  const s = imageSources(a.hero, 600);
  const w = Math.min(600, s.width);
  const h = Math.round((s.height * w) / s.width);
  const src = /^https?:/.test(s.src) ? s.src : `${ctx.config.publicUrl}${s.src}`;
  return `<img src="${esc(src)}" width="${w}" height="${h}" alt="${esc(a.hero_alt || a.hero.alt)}" style="display:block;width:100%;max-width:${w}px;height:auto;border:0">`;
}

function byline(a: ArticleCard, lang: string): string {
  return a.authors.length ? listParts(a.authors.map((p) => p.name), lang).map((p) => p.value).join('') : '';
}

/** The letter's HTML (with the reader's links as placeholders). */
export function renderHtml(ctx: AppContext, c: LetterContent): string {
  const { lang } = c;
  const d = dir(lang);
  const name = siteName(c.site, lang);
  const when = (iso: string) => formatDate(iso, lang, letterDates(c.site, lang), 'date');
  const stories = c.stories.map((a, i) => {
    const url = esc(storyUrl(ctx, c, a.slug));
    const by = byline(a, lang);
    return `<tr><td class="s">${i === 0 || c.kind !== 'digest' ? picture(ctx, a) : ''}`
      + `${a.section ? `<p class="k">${esc(a.section.name)}</p>` : ''}`
      + `<h2><a href="${url}">${esc(a.headline)}</a></h2>`
      + `${a.standfirst ? `<p>${esc(a.standfirst)}</p>` : ''}`
      + `<p class="m">${by ? `${esc(by)} · ` : ''}${esc(when(a.published_at))}</p>`
      + `${c.kind !== 'digest' ? `<p><a href="${url}">${esc(t(lang, 'newsletters.mail.read'))}</a></p>` : ''}</td></tr>`;
  }).join('');
  return `<!doctype html><html lang="${lang}" dir="${d}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`
    + `<title>${esc(c.subject)}</title><style>body{margin:0;background:#f4f4f1;color:#1a1a1a;font:16px/1.5 Georgia,'Noto Naskh Arabic',serif}`
    + `table{width:100%;max-width:640px;margin:0 auto;background:#fff;border-collapse:collapse}td{padding:16px 20px}.s{border-top:1px solid #ddd}`
    + `h1{font-size:22px;margin:0}h2{font-size:19px;margin:8px 0}a{color:#0b4f8a}.k{color:#a12;font-size:13px;margin:0}.m,.f{color:#555;font-size:13px}</style></head>`
    + `<body dir="${d}"><table role="presentation" dir="${d}"><tr><td><h1>${esc(name)}</h1><p class="m">${esc(c.listName)} · ${esc(when(ctx.clock.now().toISOString()))}</p>`
    + `${c.kind === 'alert' ? `<p class="k">${esc(t(lang, 'newsletters.mail.alert'))}</p>` : ''}`
    + `${c.intro ? `<p>${c.kind === 'notice' ? c.intro.split('\n').map(esc).join('<br>') : esc(c.intro)}</p>` : ''}</td></tr>${stories}`
    + `<tr><td class="s f"><p>${esc(t(lang, 'newsletters.mail.why', { list: c.listName, site: name }))}</p>`
    + `<p><a href="${PREFS}">${esc(t(lang, 'newsletters.mail.preferences'))}</a> · <a href="${UNSUB}">${esc(t(lang, 'newsletters.mail.unsubscribe'))}</a></p></td></tr>`
    + `</table></body></html>`;
}

/** The letter's plain-text part. */
export function renderText(ctx: AppContext, c: LetterContent): string {
  const { lang } = c;
  const name = siteName(c.site, lang);
  const when = (iso: string) => formatDate(iso, lang, letterDates(c.site, lang), 'date');
  const lines = [plain(name), plain(`${c.listName} · ${when(ctx.clock.now().toISOString())}`), ''];
  if (c.kind === 'alert') lines.push(t(lang, 'newsletters.mail.alert'), '');
  if (c.intro) lines.push(plain(c.intro), '');
  for (const a of c.stories) {
    lines.push(plain(a.headline));
    if (a.standfirst) lines.push(plain(a.standfirst));
    const by = byline(a, lang);
    lines.push(plain(`${by ? `${by} · ` : ''}${when(a.published_at)}`), storyUrl(ctx, c, a.slug), '');
  }
  lines.push('--', t(lang, 'newsletters.mail.why', { list: plain(c.listName), site: plain(name) }),
    `${t(lang, 'newsletters.mail.preferences')}: ${PREFS}`, `${t(lang, 'newsletters.mail.unsubscribe')}: ${UNSUB}`);
  return lines.join('\n');
}

/** Fills in one reader's links. */
export function personalise(body: string, links: { prefs: string; unsubscribe: string }, html: boolean): string {
  const e = html ? (s: string) => s.replace(/&/g, '&amp;') : (s: string) => s;
  return body.replaceAll(PREFS, e(links.prefs)).replaceAll(UNSUB, e(links.unsubscribe));
}

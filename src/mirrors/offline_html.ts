// What an offline edition prints, as markup that is both HTML and XHTML: the masthead, each story (section,
// headline, standfirst, bylines, dates in the language's calendar and digits, picture with caption and credit,
// corrections, body, where it was first published) and the footer (the newsroom, its mirrors and onion address,
// its public key). The web page puts it in one self-contained file (offline_edition.ts), the EPUB in its content
// document (offline_epub.ts).
import { createHash } from 'node:crypto';
import type { ArticlePage } from '../content/reading.ts';
import type { SiteSettings } from '../content/settings.ts';
import { dir, formatDate, listParts, separatorOf, t } from '../i18n/index.ts';
import { editionBody, esc, type PictureSet, type PictureSrc } from './offline_pictures.ts';

export interface EditionView {
  lang: string;
  /** the local day, YYYY-MM-DD */
  date: string;
  /** the day's first instant (ISO), for its date as the language writes it */
  dayStart: string;
  kind: 'day' | 'latest';
  settings: SiteSettings;
  /** the newsroom's name in the edition's language */
  name: string;
  origin: string;
  stories: ArticlePage[];
  pictures: PictureSet;
  publicKey: string;
  mirrors: string[];
  onion: string | null;
  madeAt: Date;
}

/** The edition's title: "Khabar Daily: offline edition of Monday 7 December 2026". */
export function editionTitle(v: EditionView): string {
  return t(v.lang, 'offline.title', { name: v.name, date: formatDate(v.dayStart, v.lang, v.settings, 'weekday') });
}

/** The anchor of the n-th story. */
export const storyId = (n: number) => `s${n + 1}`;

const storyUrl = (origin: string, slug: string) => `${origin}/articles/${encodeURIComponent(slug)}`;

function byline(a: ArticlePage, lang: string): string {
  const names = a.card.authors.map((p) => p.name);
  if (!names.length) return a.original_byline ? `<p class="byline">${esc(t(lang, 'article.by'))} <bdi>${esc(a.original_byline)}</bdi></p>` : '';
  const parts = listParts(names, lang).map((p) => (p.type === 'element' ? `<bdi>${esc(p.value)}</bdi>` : esc(p.value))).join('');
  return `<p class="byline">${esc(t(lang, 'article.by'))} ${parts}</p>`;
}

function when(at: string, v: EditionView): string {
  return `<time datetime="${esc(at)}">${esc(formatDate(at, v.lang, v.settings, 'datetime'))}</time>`;
}

async function story(a: ArticlePage, n: number, v: EditionView, src: PictureSrc, withContents: boolean): Promise<string> {
  const lang = v.lang;
  const out: string[] = [`<article class="story" id="${storyId(n)}">`];
  if (a.card.section) out.push(`<p class="section">${esc(v.settings.localized[lang]?.sections?.[a.card.section.slug] ?? a.card.section.name)}</p>`);
  out.push(`<h2>${esc(a.headline)}</h2>`);
  if (a.standfirst) out.push(`<p class="standfirst">${esc(a.standfirst)}</p>`);
  out.push(byline(a, lang));
  const updated = a.updated_at.slice(0, 16) > (a.published_at ?? '').slice(0, 16);
  out.push(`<p class="times">${esc(t(lang, 'article.published'))} ${when(a.published_at ?? a.updated_at, v)}${updated ? `${esc(separatorOf(lang))}${esc(t(lang, 'article.updated'))} ${when(a.updated_at, v)}` : ''}</p>`);
  const hero = a.card.hero;
  const picture = hero ? await v.pictures.picture(hero.storage_key) : null;
  if (hero && picture) {
    const caption = a.hero_caption || hero.caption;
    const credit = a.hero_credit || hero.credit;
    out.push(`<figure class="hero"><img src="${esc(src(picture))}" width="${picture.width}" height="${picture.height}" alt="${esc(a.hero_alt || hero.alt)}"/>`
      + (caption || credit ? `<figcaption>${esc(caption)}${credit ? ` <span class="credit">${esc(credit)}</span>` : ''}</figcaption>` : '')
      + '</figure>');
  }
  for (const c of a.corrections) {
    out.push(`<p class="correction"><strong>${esc(t(lang, 'article.corrections'))}:</strong> ${esc(c.body)} (${esc(formatDate(c.created_at, lang, v.settings))})</p>`);
  }
  out.push(`<div class="body">${await editionBody(a.body_html, v.origin, v.pictures, src)}</div>`);
  if (a.source) {
    out.push(`<p class="source">${esc(t(lang, 'article.originally_published', { name: a.source.name }))}${a.source.licence ? `. ${esc(t(lang, 'article.source_licence', { licence: a.source.licence }))}` : ''}</p>`);
  }
  const links = [`<a href="${esc(storyUrl(v.origin, a.slug))}">${esc(t(lang, 'offline.read_online'))}</a>`];
  if (withContents) links.push(`<a href="#contents">${esc(t(lang, 'offline.to_contents'))}</a>`);
  out.push(`<p class="more">${links.join(' · ')}</p>`, '</article>');
  return out.filter(Boolean).join('\n');
}

/** "mirror.example/khabar/": an address as a reader would type it. */
function shown(address: string): string {
  const u = new URL(address);
  return u.pathname === '/' ? u.host : `${u.host}${u.pathname}`;
}

/** The edition's masthead: the newsroom, the edition and its day, what it holds. */
export function masthead(v: EditionView): string {
  const lang = v.lang;
  const date = formatDate(v.dayStart, lang, v.settings, 'weekday');
  const count = v.stories.length;
  return [
    '<header class="masthead">',
    `<p class="name"><a href="${esc(v.origin)}/">${esc(v.name)}</a></p>`,
    `<h1>${esc(t(lang, 'offline.name'))}<br/><span class="date">${esc(date)}</span></h1>`,
    `<p>${esc(t(lang, v.kind === 'day' ? 'offline.day' : 'offline.latest', { count, date }))}</p>`,
    `<p class="note">${esc(t(lang, 'offline.no_connection'))}</p>`,
    '</header>',
  ].join('\n');
}

/** The table of contents: every story's headline, linking to it in the same document (`file`: '' in the web page). */
export function contents(v: EditionView, file = ''): string {
  return `<ol>${v.stories.map((a, n) => `<li><a href="${file}#${storyId(n)}">${esc(a.headline)}</a></li>`).join('')}</ol>`;
}

/** The footer: the newsroom, when the edition was made, where else to read the site, and the public key. */
export function footer(v: EditionView): string {
  const lang = v.lang;
  const mirrors = v.mirrors.map((m) => `<a href="${esc(m)}" dir="ltr">${esc(shown(m))}</a>`).join(' · ');
  return [
    '<footer class="colophon">',
    `<p><strong>${esc(v.name)}</strong> · <a href="${esc(v.origin)}/" dir="ltr">${esc(shown(`${v.origin}/`))}</a></p>`,
    `<p>${esc(t(lang, 'offline.made', { date: formatDate(v.madeAt, lang, v.settings, 'datetime') }))}</p>`,
    mirrors ? `<p class="mirrors">${esc(t(lang, 'mirrors.label'))} ${mirrors}</p>` : '',
    v.onion ? `<p class="mirrors">${esc(t(lang, 'offline.onion'))} <a href="${esc(v.onion)}/" dir="ltr">${esc(shown(`${v.onion}/`))}</a></p>` : '',
    `<p class="key">${esc(t(lang, 'offline.key'))} <code dir="ltr">${esc(v.publicKey)}</code></p>`,
    '</footer>',
  ].filter(Boolean).join('\n');
}

/** Every story, as the edition prints them. */
export async function storiesMarkup(v: EditionView, src: PictureSrc, withContents: boolean): Promise<string> {
  const out: string[] = [];
  for (let n = 0; n < v.stories.length; n++) out.push(await story(v.stories[n], n, v, src, withContents));
  return out.join('\n');
}

/** The edition's styles: system fonts (the Arabic-script ones first for Dari and Pashto), one column, logical
 * properties so the same rules serve right-to-left, nothing wider than a phone. */
export const EDITION_CSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;padding:0 1rem 2rem;max-width:42rem;font-size:1.05rem;line-height:1.6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#16181d;background:#fff;overflow-wrap:break-word}
:lang(fa),:lang(ps){font-family:"Noto Naskh Arabic",Vazirmatn,"Noto Sans Arabic","Segoe UI",Tahoma,"Geeza Pro",system-ui,sans-serif;line-height:1.9}
:lang(fa) h1,:lang(fa) h2,:lang(ps) h1,:lang(ps) h2{line-height:1.5}
a{color:#0b4f8a}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h1 .date{font-size:1.1rem;font-weight:normal;color:#5b616e}
h2{font-size:1.35rem;line-height:1.3;margin:.25rem 0 .5rem}
img{display:block;max-width:100%;height:auto;background:#eee}
figure{margin:1rem 0}
figcaption,.times,.byline,.section,.source,.more,.note{font-size:.9rem;color:#5b616e}
.credit{font-style:italic}
.section{text-transform:uppercase;letter-spacing:.04em;font-weight:bold;color:#b3261e;margin:0}
:lang(fa) .section,:lang(ps) .section{letter-spacing:0}
.standfirst{font-size:1.1rem;color:#333}
.masthead,.colophon{border-block:2px solid #16181d;padding:.5rem 0;margin:1rem 0}
.masthead .name{font-weight:bold;font-size:1.2rem;margin:0}
.masthead .name a{color:inherit;text-decoration:none}
nav ol{padding-inline-start:1.5rem}
:lang(fa) ol,:lang(ps) ol{list-style-type:persian}
nav li{margin:.35rem 0}
.story{border-block-start:1px solid #dde1e7;padding-block-start:1rem;margin-block-start:1.5rem}
.correction{background:#fff6e5;padding:.5rem}
blockquote{margin-inline:0;padding-inline-start:1rem;border-inline-start:3px solid #dde1e7}
pre{white-space:pre-wrap}
table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse}
td,th{border:1px solid #dde1e7;padding:.25rem}
.missing-picture{font-style:italic;color:#5b616e}
.colophon{font-size:.9rem;overflow-wrap:anywhere}
code{font-size:.85rem;overflow-wrap:anywhere}
.key code{display:block;text-align:left;margin-block-start:.25rem}
@media print{nav,.more{display:none}.story{break-before:page}}
`;

/** The CSP source that allows exactly this stylesheet inline (CSP 3, hash-source). */
export const cssHash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/** The one self-contained web page: styles inline, pictures as data: URIs, no script, and a Content-Security-Policy
 * that lets it load nothing at all from anywhere, wherever it is opened from. */
export async function editionHtml(v: EditionView): Promise<string> {
  const lang = v.lang;
  const dataUri: PictureSrc = (p) => `data:image/jpeg;base64,${p.bytes.toString('base64')}`;
  const policy = `default-src 'none'; img-src data:; style-src ${cssHash(EDITION_CSS)}; base-uri 'none'; form-action 'none'`;
  return [
    `<!doctype html>\n<html lang="${esc(lang)}" dir="${dir(lang)}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<meta name="referrer" content="no-referrer"/>`,
    `<title>${esc(editionTitle(v))}</title>`,
    `<style>${EDITION_CSS}</style>`,
    '</head>',
    '<body>',
    masthead(v),
    `<nav id="contents" aria-labelledby="contents-title"><h2 id="contents-title">${esc(t(lang, 'offline.contents'))}</h2>${contents(v)}</nav>`,
    `<main>\n${await storiesMarkup(v, dataUri, true)}\n</main>`,
    footer(v),
    '</body>\n</html>\n',
  ].join('\n');
}

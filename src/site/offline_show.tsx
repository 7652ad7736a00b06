// The offline editions on the site: GET /offline/ lists each language's editions of the last days with their sizes
// and the newsroom's public key; GET /offline/<lang>/<date>.html and .epub send the files to keep (src/mirrors).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { dir, formatDate, t, type MessageKey } from '../i18n/index.ts';
import { sendBytes, sendDocument, sendPage } from '../http/send_page.ts';
import { editionFile, listEditions, type ListedEdition } from '../mirrors/offline_edition.ts';
import { storedPublicKey } from '../mirrors/signing.ts';
import { dayBounds } from '../mirrors/offline_stories.ts';
import { loadSiteView, type SiteView } from './site_view.ts';
import { Layout } from './views/layout.tsx';
import { READS } from './page_query.ts';
import { siteTags } from './cache_tags.ts';

export const OFFLINE = '/offline/';
export const offlineHref = (lang: string, date: string, ext: 'html' | 'epub') => `${OFFLINE}${lang}/${date}.${ext}`;

/** "340 KB", "1.2 MB" in the language's digits. */
function size(bytes: number, lang: string): string {
  return bytes < 1024 * 1024
    ? t(lang, 'offline.kb', { size: Math.max(1, Math.round(bytes / 1024)) })
    : t(lang, 'offline.mb', { size: Math.round(bytes / 104_857.6) / 10 });
}

function Editions({ lang, editions, site }: { lang: string; editions: ListedEdition[]; site: SiteView }): VNode {
  return (
    <section class="offline-language" lang={lang} dir={dir(lang)} aria-labelledby={`offline-${lang}`}>
      <h2 id={`offline-${lang}`}>{t(lang, `language.${lang}` as MessageKey)}</h2>
      <ul>
        {editions.map((e) => (
          <li>
            <time datetime={e.date}>{formatDate(dayBounds(e.date, site.settings.timeZone).from, lang, site.settings, 'weekday')}</time>:{' '}
            <a href={offlineHref(lang, e.date, 'html')} type="text/html">{t(lang, 'offline.html', { size: size(e.html, lang) })}</a>
            {' · '}
            <a href={offlineHref(lang, e.date, 'epub')} type="application/epub+zip">{t(lang, 'offline.epub', { size: size(e.epub, lang) })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

async function offlineList(ctx: AppContext, reply: FastifyReply) {
  const site = await loadSiteView(ctx);
  const lang = site.lang;
  const all = listEditions(ctx);
  const key = await storedPublicKey(ctx);
  const languages = [...site.published, ...Object.keys(all).filter((l) => !site.published.includes(l))].filter((l) => all[l]);
  return sendPage(reply, (
    <Layout site={site} title={`${t(lang, 'offline.page_title')} | ${site.settings.name}`} canonical={`${ctx.config.publicUrl}${OFFLINE}`}>
      <article class="static-page offline-editions">
        <h1>{t(lang, 'offline.page_title')}</h1>
        <p>{t(lang, 'offline.page_intro')}</p>
        {languages.length ? languages.map((l) => <Editions lang={l} editions={all[l]} site={site} />) : <p>{t(lang, 'offline.none')}</p>}
        {/* the key signs the editions: shown with them (an edition made the key, if the site had none) */}
        {key && languages.length ? <p>{t(lang, 'offline.signed')} <code dir="ltr">{key}</code></p> : null}
      </article>
    </Layout>
  ), { cacheTags: [...siteTags(site), 'offline'] });
}

/** The name a saved file gets: the site's host, the language and the day ("news.example-fa-2026-12-07.epub"). */
function savedName(ctx: AppContext, lang: string, file: string): string {
  return `${new URL(ctx.config.publicUrl).hostname}-${lang}-${file}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

export async function offlineRoutes(app: FastifyInstance): Promise<void> {
  const ctx = app.ctx;
  app.get(OFFLINE, READS.nothing, (_req, reply) => offlineList(ctx, reply));
  app.get<{ Params: { lang: string; file: string } }>(`${OFFLINE}:lang/:file`, READS.nothing, async (req, reply) => {
    const { lang, file } = req.params;
    const found = editionFile(ctx, lang, file);
    if (!found) throw new NotFoundError('We could not find that offline edition.');
    reply.header('content-disposition', `attachment; filename="${savedName(ctx, lang, file)}"`);
    if (file.endsWith('.epub')) return sendBytes(reply, found.bytes, 'application/epub+zip', { lastModified: found.modified });
    return sendDocument(reply, found.bytes.toString('utf8'), 'text/html; charset=utf-8', { lastModified: found.modified });
  });
}

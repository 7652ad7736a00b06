// The site's own error page (400, 404, 410, 414, 429, 500): what went wrong and where to go next, in the site's language.
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { loadSiteView } from './site_view.ts';
import { Layout } from './views/layout.tsx';
import { sectionHref } from './views/parts.tsx';
import { SearchBox } from './views/search_box.tsx';

const TITLED = new Set([400, 404, 410, 414, 429, 500]);

// "We could not find that page." under the heading "We could not find that page" says nothing new.
const sameSentence = (a: string, b: string) => a.replace(/[\s.!؟?]+$/u, '').toLowerCase() === b.replace(/[\s.!؟?]+$/u, '').toLowerCase();

/** The error page for a status and message; src/http/errors.ts sends it. */
export async function errorPage(ctx: AppContext, status: number, message: string): Promise<VNode> {
  const site = await loadSiteView(ctx);
  const lang = site.lang;
  const title = t(lang, (TITLED.has(status) ? `error.title.${status}` : 'error.title.other') as MessageKey);
  return (
    <Layout site={site} title={`${title} | ${site.settings.name}`} head={<meta name="robots" content="noindex" />}>
      <section class="error-page">
        <h1>{title}</h1>
        {message && !sameSentence(message, title) ? <p class="error-message">{message}</p> : null}
        <p>{t(lang, 'error.help')}</p>
        <SearchBox lang={lang} id="error-search" />
        <p><a class="button" href="/">{t(lang, 'error.home')}</a></p>
        {site.sections.length ? (
          <ul class="error-sections">{site.sections.map((s) => <li><a href={sectionHref(s.slug)}>{s.name}</a></li>)}</ul>
        ) : null}
      </section>
    </Layout>
  );
}

// Front and section pages per language: the default language's under /, the others' under /fa/, /ps/. A site
// publishing in one language keeps one set of pages listing every story, whatever its language.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import type { ListFilter } from '../content/reading.ts';
import { NotFoundError } from '../errors.ts';
import { livePins } from '../content/fronts.ts';
import type { ArticleCard } from '../content/reading.ts';
import { loadSiteView, type SiteView } from './site_view.ts';

/** The site as a language's front shows it; null after redirecting /en/ (the default's) to /; 404 for a language
 * the site does not publish in. */
export async function frontSite(ctx: AppContext, reply: FastifyReply, language?: string, rest = ''): Promise<SiteView | null> {
  const site = await loadSiteView(ctx, language);
  if (language === undefined) return site;
  if (language === site.settings.language) {
    await reply.redirect(`/${rest}`, 301);
    return null;
  }
  if (!site.base) throw new NotFoundError('We could not find that page.');
  return site;
}

/** The stories a language's pages list: its own, once the site publishes in more than one. */
export function languageFilter(site: SiteView): ListFilter {
  return site.published.length > 1 ? { language: site.lang } : {};
}

/** The stories an editor pinned on a front ('home:en', 'section:3:fa') that show now, through the kept reads (emptied
 * by front.changed, which a pin's end also emits). */
export function pinnedStories(ctx: AppContext, front: string): Promise<{ lead: ArticleCard | null; top: ArticleCard[] }> {
  return ctx.reads.get(`front:${front}`, () => livePins(ctx.db, front, ctx.clock.now()));
}

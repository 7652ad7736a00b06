// One imported static page (a WordPress page, a Ghost page), written in its own transaction: a free /pages/ address
// (a taken one gets -2, -3... and a warning), the page, the 301s from its old addresses once public, its map entry.
import type { ImportRun } from './run.ts';
import { freePageSlug, insertStaticPage, storeRedirects } from '../content/imported.ts';

export interface ImportedPage {
  /** its map entry: the earlier site's id */
  oldId: string;
  slug: string;
  title: string;
  bodyHtml: string;
  language: string;
  published: boolean;
  publishedAt: string | null;
  /** the earlier site's addresses of the page (answered with a 301 when it is public) */
  oldPaths: string[];
}

/** Writes the page and counts it under "pages"; a failure is reported against `label` and leaves nothing. */
export async function writeStaticPage(run: ImportRun, label: string, page: ImportedPage): Promise<void> {
  const now = run.ctx.clock.now().toISOString();
  const ok = await run.item('pages', label, async (trx) => {
    const slug = await freePageSlug(trx, page.slug);
    if (slug !== page.slug) run.warn(label, `the address /pages/${page.slug} is taken; it is /pages/${slug}`);
    const id = await insertStaticPage(trx, {
      slug, title: page.title, bodyHtml: page.bodyHtml, language: page.language, published: page.published,
      createdAt: page.publishedAt ?? now, updatedAt: now, publishedAt: page.publishedAt,
    });
    if (page.published) await storeRedirects(trx, page.oldPaths, `/pages/${encodeURIComponent(slug)}`, now);
    await run.remember(trx, 'page', page.oldId, id);
    return id;
  });
  if (ok !== undefined) run.count('pages', 'added');
}

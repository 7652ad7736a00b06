// `khabar import wordpress EXPORT.xml...`: one or more WXR files of one site, read as a stream. Authors and terms
// from each file's head first, then item by item (attachments, posts, pages); category, tag and author archives
// answer 301 to their new pages. A second run of the same export adds nothing and says so.
import { stat } from 'node:fs/promises';
import type { AppContext } from '../context.ts';
import { getCommentSettings } from '../comments/settings.ts';
import { ImportRun, type ImportOptions, type ImportReport } from './run.ts';
import { ExportFormatError, readWxr, type WxrAuthor, type WxrTerm } from './wxr_reader.ts';
import { decodeSlug, importAuthor, importTerms } from './wp_terms.ts';
import { importAttachment, WpSite } from './wp_media.ts';
import { importPage, importPost } from './wp_posts.ts';
import { withAndWithoutSlash } from './wp_addresses.ts';
import { sectionParent, storeRedirects } from '../content/imported.ts';

const IGNORED_TYPES = new Set(['revision', 'nav_menu_item', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request', 'wp_block',
  'wp_template', 'wp_template_part', 'wp_global_styles', 'wp_navigation', 'wp_font_family', 'wp_font_face']);

/** Imports WordPress export files into the newsroom; every problem is in the report, naming its item. */
export async function importWordPress(ctx: AppContext, files: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const run = await ImportRun.start(ctx, 'wordpress', opts);
  const site = new WpSite(run);
  const { maxDepth } = await getCommentSettings(run.q);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f).catch(() => null))?.size ?? 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  // Ids met in this run: a second item with the same id is a fault of the export, not a newer version.
  const seen = new Set<string>();
  try {
    for (const [i, file] of files.entries()) {
      if (!sizes[i]) {
        run.report.errors.push(`${file}: the file is missing or empty`);
        continue;
      }
      let authors: WxrAuthor[] = [];
      let terms: WxrTerm[] = [];
      const flushHead = async () => {
        for (const a of authors) await importAuthor(run, a);
        await importTerms(run, terms);
        for (const t of terms) await archiveRedirects(run, site, t.kind, decodeSlug(t.slug));
        for (const a of authors) await archiveRedirects(run, site, 'author', a.login);
        authors = [];
        terms = [];
      };
      try {
        for await (const entry of readWxr(file, (bytes) => opts.progress?.(before + bytes, total))) {
          if (entry.kind === 'site') {
            if (run.source === 'wordpress') run.source = `wordpress:${entry.site.baseSiteUrl || entry.site.baseBlogUrl || 'site'}`;
            else if (!site.urls.includes(entry.site.baseSiteUrl)) run.warn(file, `this file is from ${entry.site.baseSiteUrl}, not ${site.urls[0]}; imported as the same site`);
            site.learn(entry.site);
          } else if (entry.kind === 'author') authors.push(entry.author);
          else if (entry.kind === 'term') terms.push(entry.term);
          else if (entry.kind === 'problem') run.warn(file, entry.message);
          else {
            if (authors.length || terms.length) await flushHead();
            const item = entry.item;
            const type = item.postType.trim();
            if (!/^\d+$/.test(item.postId.trim())) {
              run.warn(`${file}, item on line ${item.line}`, 'has no wp:post_id; skipped');
              continue;
            }
            item.postId = item.postId.trim();
            if (seen.has(item.postId)) {
              run.warn(`${type || 'item'} ${item.postId} "${item.title.trim().slice(0, 60)}"`, 'appears twice in the export; the first one is kept');
              continue;
            }
            seen.add(item.postId);
            if (type === 'post') await importPost(run, site, item, maxDepth);
            else if (type === 'page') await importPage(run, site, item);
            else if (type === 'attachment') await importAttachment(run, site, item);
            else if (!IGNORED_TYPES.has(type)) {
              run.warn(`item ${item.postId} "${item.title.trim().slice(0, 60)}"`, `unknown post type "${type}"; skipped`);
              run.count('other items', 'skipped');
            }
          }
        }
        await flushHead();
      } catch (err) {
        if (!(err instanceof ExportFormatError)) throw err;
        run.report.errors.push(err.message);
      }
      before += sizes[i];
    }
    for (const [attachment, articles] of site.unresolvedHeroes()) {
      run.warn(`attachment ${attachment}`, `the featured image of ${articles.length} article(s) is not in the export or could not be imported`);
    }
  } catch (err) {
    await run.finish().catch(() => undefined);
    throw err;
  }
  return run.finish();
}

/** /category/a/b/, /tag/x/ and /author/login/ lead to the section, tag or person they became. */
async function archiveRedirects(run: ImportRun, site: WpSite, kind: 'category' | 'tag' | 'author', key: string): Promise<void> {
  if (!key) return;
  const id = await run.mapped(kind, key);
  if (id === null) return;
  const table = kind === 'category' ? 'sections' : kind === 'tag' ? 'tags' : 'people';
  const row = await run.q.selectFrom(table).select('slug').where('id', '=', id).executeTakeFirst();
  if (!row) return;
  const to = `/${kind === 'category' ? 'section' : kind}/${encodeURIComponent(row.slug)}`;
  const from = [`${site.prefix}/${kind}/${key}/`];
  if (kind === 'category') {
    const chain = await categoryChain(run, key);
    if (chain !== key) from.push(`${site.prefix}/category/${chain}/`);
  }
  await run.item('redirects', `${kind} ${key}`, (trx) => storeRedirects(trx, withAndWithoutSlash(from), to, run.ctx.clock.now().toISOString()));
}

/** parent/child/grandchild: WordPress's nested category address. */
async function categoryChain(run: ImportRun, key: string): Promise<string> {
  const id = await run.mapped('category', key);
  const parts = [key];
  let parentId = id === null ? null : await sectionParent(run.q, id);
  for (let n = 0; parentId && n < 20; n++) {
    const parent = await run.q.selectFrom('import_map').select('old_id').where('source', '=', run.source).where('kind', '=', 'category')
      .where('new_id', '=', parentId).executeTakeFirst();
    if (!parent) break;
    parts.unshift(parent.old_id);
    parentId = await sectionParent(run.q, parentId);
  }
  return parts.join('/');
}

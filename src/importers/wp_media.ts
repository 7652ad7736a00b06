// WordPress media: attachments (with alt text, caption and credit) and the uploaded images a body shows, brought
// in through the media pipeline; attachment pages answer 301 to their post (or the image). A featured image met
// after its post still becomes that post's hero.
import { getMedia, mediaUrl } from '../media/images.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { bringMedia, REMOTE_MEDIA_UNAVAILABLE, uploadsPath } from './media_files.ts';
import { postPaths, sitePath, withAndWithoutSlash } from './wp_addresses.ts';
import { storeRedirects } from '../content/imported.ts';
import type { ImportRun } from './run.ts';
import type { WxrItem, WxrSite } from './wxr_reader.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** What the import knows of the WordPress site while it runs. */
export class WpSite {
  urls: string[] = [];
  prefix = '';
  language = 'en';
  private gallery = new Map<string, string>();
  private heroWaiting = new Map<string, number[]>();

  constructor(readonly run: ImportRun) {}

  learn(s: WxrSite): void {
    for (const u of [s.baseSiteUrl, s.baseBlogUrl]) if (u && !this.urls.includes(u)) this.urls.push(u);
    try {
      this.prefix = new URL(s.baseBlogUrl || s.baseSiteUrl).pathname.replace(/\/+$/, '');
    } catch {
      this.prefix = '';
    }
    const lang = s.language.toLowerCase().split(/[-_]/)[0];
    this.language = (LANGUAGES as readonly string[]).includes(lang) ? lang : 'en';
  }

  galleryImage(attachmentId: string): string | null {
    return this.gallery.get(attachmentId) ?? null;
  }

  rememberImage(attachmentId: string, html: string): void {
    this.gallery.set(attachmentId, html);
  }

  waitForHero(attachmentId: string, articleId: number): void {
    const list = this.heroWaiting.get(attachmentId) ?? [];
    list.push(articleId);
    this.heroWaiting.set(attachmentId, list);
  }

  takeWaiting(attachmentId: string): number[] {
    const list = this.heroWaiting.get(attachmentId) ?? [];
    this.heroWaiting.delete(attachmentId);
    return list;
  }

  /** Featured images the export names but never brings. */
  unresolvedHeroes(): [string, number[]][] {
    return [...this.heroWaiting];
  }
}

/** PHP-serialized attachment metadata names the photographer as image_meta's "credit". */
function creditOf(serialized: string): string {
  const m = /s:6:"credit";s:\d+:"([^"]*)"/.exec(serialized);
  return m?.[1] ?? '';
}

export async function importAttachment(run: ImportRun, site: WpSite, item: WxrItem): Promise<void> {
  const label = `attachment ${item.postId} "${item.title.trim().slice(0, 60)}"`;
  const known = await run.mapped('attachment', item.postId);
  if (known !== null) {
    run.count('media', 'unchanged');
    const m = await getMedia(run.q, known);
    if (m) site.rememberImage(item.postId, `<img src="${escapeAttr(mediaUrl(m.storage_key))}" alt="${escapeAttr(m.alt)}">`);
    return;
  }
  const meta = (k: string) => item.meta.find((m) => m.key === k)?.value ?? '';
  const alt = meta('_wp_attachment_image_alt') || '';
  const caption = item.excerpt.trim();
  const credit = creditOf(meta('_wp_attachment_metadata'));
  const mediaId = await bringMedia(run, label, { relativePath: meta('_wp_attached_file'), url: item.attachmentUrl || item.guid, alt, caption, credit });
  if (mediaId === null) return run.count('media', 'skipped');
  const media = await getMedia(run.q, mediaId);
  if (!media) return run.count('media', 'skipped');
  const src = mediaUrl(media.storage_key);
  const now = run.ctx.clock.now().toISOString();
  const ok = await run.item('media', label, async (trx) => {
    const file = uploadsPath(item.attachmentUrl) ?? meta('_wp_attached_file');
    if (file && (await run.mapped('file', file, trx)) === null) await run.remember(trx, 'file', file, mediaId);
    await run.remember(trx, 'attachment', item.postId, mediaId);
    for (const articleId of site.takeWaiting(item.postId)) {
      await trx.updateTable('articles').set({ hero_media_id: mediaId, hero_alt: media.alt, hero_caption: media.caption, hero_credit: media.credit })
        .where('id', '=', articleId).execute();
    }
    // The attachment's page leads to the story it belongs to, or else to the image itself.
    const parent = item.postParent && item.postParent !== '0' ? await run.mapped('post', item.postParent, trx) : null;
    const parentSlug = parent ? (await trx.selectFrom('articles').select(['slug', 'status']).where('id', '=', parent).executeTakeFirst()) : undefined;
    const to = parentSlug?.status === 'published' ? `/articles/${encodeURIComponent(parentSlug.slug)}` : src;
    const paths = [...postPaths({ link: item.link, postId: item.postId, slugs: [], date: '', kind: 'post' }, site.urls, site.prefix)
      .filter((p) => !p.includes('?p=')), `${site.prefix}/?attachment_id=${item.postId}`];
    const fileUrl = item.attachmentUrl ? sitePath(item.attachmentUrl, site.urls) : null;
    if (fileUrl) paths.push(fileUrl);
    await storeRedirects(trx, withAndWithoutSlash(paths).filter((p) => p !== src), to, now);
    return true;
  });
  if (!ok) return;
  site.rememberImage(item.postId, `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}">`);
  run.count('media', 'added');
}

/** Rewrites a body's images from the old site's uploads to the imported copies (brought in if not yet). */
export async function bodyImages(run: ImportRun, site: WpSite, html: string, label: string): Promise<string> {
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/gi)) srcs.add(m[1]);
  if (!srcs.size) return html;
  const replaced = new Map<string, string>();
  for (const src of srcs) {
    const rel = uploadsPath(src);
    const ours = rel !== null && (!/^https?:/i.test(src) || sitePath(src, site.urls) !== null);
    if (!ours) {
      if (/^https?:/i.test(src) && !run.opts.fetchMedia) run.warn(label, `image ${src}: ${REMOTE_MEDIA_UNAVAILABLE}`);
      if (!run.opts.fetchMedia) continue;
    }
    const key = rel ?? src;
    let mediaId = await run.mapped('file', key);
    if (mediaId === null) {
      mediaId = await bringMedia(run, label, { relativePath: rel ?? undefined, url: /^https?:/i.test(src) ? src : undefined });
      if (mediaId !== null) {
        const id = mediaId;
        await run.item('media', `${label}, image ${key}`, (trx) => run.remember(trx, 'file', key, id));
        run.count('media', 'added');
      }
    }
    const m = mediaId !== null ? await getMedia(run.q, mediaId) : null;
    if (m) replaced.set(src, mediaUrl(m.storage_key));
  }
  return html.replace(/(<img\b[^>]*?\ssrc\s*=\s*["'])([^"']+)(["'])/gi, (whole, a: string, src: string, b: string) => {
    const to = replaced.get(src);
    return to ? `${a}${escapeAttr(to)}${b}` : whole;
  });
}

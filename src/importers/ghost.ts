// `khabar import ghost EXPORT.json`: Ghost's JSON export (Settings > Labs > Export). Posts with their Lexical or
// mobiledoc content rendered to HTML, tags (the primary tag becomes the section), authors, images from the
// uploads folder (content/images), and the old /slug/, /tag/slug/ and /author/slug/ addresses answering 301.
import { readFile } from 'node:fs/promises';
import type { AppContext } from '../context.ts';
import { excerpt, plainText, sanitizeBody, slugify } from '../content/sanitize.ts';
import { mediaUrl } from '../media/images.ts';
import { renderLexical, renderMobiledoc } from './ghost_render.ts';
import { bringMedia, uploadsPath } from './media_files.ts';
import { ImportRun, type ImportOptions, type ImportReport } from './run.ts';
import { withAndWithoutSlash } from './wp_addresses.ts';
import { ensurePerson, ensureSection, ensureTag, storeRedirects } from '../content/imported.ts';
import { writeArticle } from './write_article.ts';
import { writeStaticPage } from './write_page.ts';
import { decodeSlug } from './wp_terms.ts';
import type { ArticleState } from './wp_posts.ts';

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

interface GhostData {
  posts: Row[];
  tags: Row[];
  users: Row[];
  posts_tags: Row[];
  posts_authors: Row[];
  posts_meta: Row[];
}

/** The data of a Ghost export, or an error message saying why the file is not one. */
function ghostData(text: string): GhostData | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `the file is not valid JSON (${(err as Error).message})`;
  }
  const root = doc as { db?: { data?: Row }[]; data?: Row };
  const data = root?.db?.[0]?.data ?? root?.data;
  if (!data || !Array.isArray(data.posts)) return 'this file is not a Ghost export (no db[0].data.posts)';
  const list = (k: string) => (Array.isArray(data[k]) ? (data[k] as Row[]) : []);
  return { posts: list('posts'), tags: list('tags'), users: list('users'), posts_tags: list('posts_tags'), posts_authors: list('posts_authors'), posts_meta: list('posts_meta') };
}

function ghostState(p: Row): ArticleState & { held?: string } {
  const when = str(p.published_at) || str(p.created_at) || null;
  const iso = when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : null;
  const visibility = str(p.visibility) || 'public';
  if (p.status === 'published' || p.status === 'sent') {
    if (visibility !== 'public') return { status: 'draft', publishedAt: null, scheduledAt: null, held: `for ${visibility} only; kept unpublished` };
    return { status: 'published', publishedAt: iso, scheduledAt: null };
  }
  if (p.status === 'scheduled') return { status: 'scheduled', publishedAt: null, scheduledAt: iso };
  return { status: 'draft', publishedAt: null, scheduledAt: null };
}

/** Imports a Ghost JSON export; every problem is in the report, naming its item. */
export async function importGhost(ctx: AppContext, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const run = await ImportRun.start(ctx, 'ghost', opts);
  const text = await readFile(file, 'utf8').catch(() => null);
  const data = text === null ? `${file}: the file is missing or cannot be read` : ghostData(text);
  if (typeof data === 'string') {
    run.report.errors.push(data);
    return run.finish();
  }
  const now = () => ctx.clock.now().toISOString();
  const people = new Map<string, number>();
  for (const u of data.users) {
    const id = str(u.id);
    const name = str(u.name).trim().slice(0, 200) || str(u.slug);
    const slug = slugify(decodeSlug(str(u.slug))) || slugify(name) || `author-${id}`;
    const known = await run.mapped('author', id);
    if (known !== null) {
      people.set(id, known);
      run.count('people', 'unchanged');
      continue;
    }
    const personId = await run.item('people', `author ${slug}`, async (trx) => {
      const pid = await ensurePerson(trx, { slug, name, bio: str(u.bio).slice(0, 2000), createdAt: now() });
      await run.remember(trx, 'author', id, pid);
      await storeRedirects(trx, withAndWithoutSlash([`/author/${decodeSlug(str(u.slug))}/`]), `/author/${encodeURIComponent(slug)}`, now());
      return pid;
    });
    if (personId !== undefined) {
      people.set(id, personId);
      run.count('people', 'added');
    }
  }
  // Ghost's internal tags (#name) organise the newsroom's work; they are not shown to readers.
  const tags = new Map(data.tags.filter((t) => str(t.visibility) !== 'internal' && !str(t.name).startsWith('#')).map((t) => [str(t.id), t]));
  const tagsOf = new Map<string, string[]>();
  for (const pt of [...data.posts_tags].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))) {
    if (!tags.has(str(pt.tag_id))) continue;
    const list = tagsOf.get(str(pt.post_id)) ?? [];
    list.push(str(pt.tag_id));
    tagsOf.set(str(pt.post_id), list);
  }
  const authorsOf = new Map<string, string[]>();
  for (const pa of [...data.posts_authors].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))) {
    const list = authorsOf.get(str(pa.post_id)) ?? [];
    list.push(str(pa.author_id));
    authorsOf.set(str(pa.post_id), list);
  }
  const meta = new Map(data.posts_meta.map((m) => [str(m.post_id), m]));
  const ensure = async (kind: 'category' | 'tag', tagId: string): Promise<number | null> => {
    const known = await run.mapped(kind, tagId);
    if (known !== null) return known;
    const t = tags.get(tagId)!;
    const name = str(t.name).trim().slice(0, kind === 'tag' ? 60 : 200);
    const slug = slugify(decodeSlug(str(t.slug))) || slugify(name) || `tag-${tagId}`;
    const id = await run.item(kind === 'category' ? 'sections' : 'tags', `tag ${slug}`, async (trx) => {
      const newId = kind === 'category'
        ? await ensureSection(trx, { slug, name, description: str(t.description).slice(0, 1000), parentId: null, position: 0, createdAt: now() })
        : await ensureTag(trx, slug, name);
      await run.remember(trx, kind, tagId, newId);
      await storeRedirects(trx, withAndWithoutSlash([`/tag/${decodeSlug(str(t.slug))}/`]), `/${kind === 'category' ? 'section' : 'tag'}/${encodeURIComponent(slug)}`, now());
      return newId;
    });
    if (id !== undefined) run.count(kind === 'category' ? 'sections' : 'tags', 'added');
    return id ?? null;
  };
  const seen = new Set<string>();
  for (const [i, p] of data.posts.entries()) {
    opts.progress?.(i, data.posts.length);
    const id = str(p.id);
    const label = `${str(p.type) || 'post'} ${id} "${str(p.title).slice(0, 60)}"`;
    if (!id || seen.has(id)) {
      run.warn(label, id ? 'appears twice in the export; the first one is kept' : 'has no id; skipped');
      continue;
    }
    seen.add(id);
    const isPage = str(p.type) === 'page';
    if ((await run.mapped(isPage ? 'page' : 'post', id)) !== null) {
      run.count(isPage ? 'pages' : 'articles', 'unchanged');
      continue;
    }
    const warn = (m: string) => run.warn(label, m);
    let html = '';
    try {
      if (p.lexical) html = renderLexical(str(p.lexical), warn);
      else if (p.mobiledoc) html = renderMobiledoc(str(p.mobiledoc), warn);
      else html = str(p.html);
    } catch (err) {
      warn(`its content could not be read (${(err as Error).message}); its html is used`);
      html = str(p.html);
    }
    html = html.replace(/__GHOST_URL__/g, '');
    const body = sanitizeBody(await ghostImages(run, html, label));
    const state = ghostState(p);
    if (state.held) warn(state.held);
    if (isPage) {
      // A page is public or not: a scheduled one waits as a draft.
      const title = (str(p.title).replace(/\s+/g, ' ').trim() || `Page ${id}`).slice(0, 300);
      await writeStaticPage(run, label, {
        oldId: id, slug: slugify(decodeSlug(str(p.slug))) || slugify(title) || `page-${id}`, title, bodyHtml: body,
        language: /[\u0600-\u06ff]/.test(title) ? 'fa' : 'en', published: state.status === 'published', publishedAt: state.publishedAt,
        oldPaths: withAndWithoutSlash([`/${decodeSlug(str(p.slug))}/`]),
      });
      continue;
    }
    const postTags = tagsOf.get(id) ?? [];
    const sectionId = postTags[0] ? await ensure('category', postTags[0]) : null;
    const tagIds: number[] = [];
    for (const t of postTags.slice(1)) {
      const tid = await ensure('tag', t);
      if (tid !== null) tagIds.push(tid);
    }
    const m = meta.get(id);
    const feature = str(p.feature_image).replace(/__GHOST_URL__/g, '');
    const heroText = { alt: str(m?.feature_image_alt).slice(0, 500), caption: plainText(sanitizeBody(str(m?.feature_image_caption))).slice(0, 500) };
    const heroId = feature ? await bringMedia(run, label, { url: feature, relativePath: uploadsPath(feature) ?? undefined, ...heroText }) : null;
    const headline = (str(p.title).replace(/\s+/g, ' ').trim() || `Untitled ${id}`).slice(0, 300);
    const slug = slugify(decodeSlug(str(p.slug))) || slugify(headline) || `post-${id}`;
    const created = str(p.created_at) && !Number.isNaN(Date.parse(str(p.created_at))) ? new Date(str(p.created_at)).toISOString() : now();
    const written = await run.item('articles', label, async (trx) => {
      const w = await writeArticle(run, trx, label, {
        slug, headline, standfirst: excerpt(str(p.custom_excerpt), 1000), bodyHtml: body, sectionId, tagIds,
        authorIds: (authorsOf.get(id) ?? []).map((a) => people.get(a)).filter((a): a is number => a !== undefined), heroMediaId: heroId, heroText,
        language: /[\u0600-\u06ff]/.test(headline) ? 'fa' : 'en', status: state.status, createdAt: created, publishedAt: state.publishedAt,
        scheduledAt: state.scheduledAt, featured: p.featured === true || p.featured === 1, oldSlugs: [], oldPaths: withAndWithoutSlash([`/${decodeSlug(str(p.slug))}/`]),
      });
      await run.remember(trx, 'post', id, w.id);
      return w;
    });
    if (!written) continue;
    run.count('articles', 'added');
    run.changedArticles.push({ articleId: written.id, slug: written.slug });
  }
  opts.progress?.(data.posts.length, data.posts.length);
  return run.finish();
}

/** Brings a body's images from the uploads folder and points them at the imported copies. */
async function ghostImages(run: ImportRun, html: string, label: string): Promise<string> {
  const out = new Map<string, string>();
  for (const [, src] of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)) {
    if (out.has(src)) continue;
    const rel = uploadsPath(src);
    const id = await bringMedia(run, label, { relativePath: rel ?? undefined, url: /^https?:/i.test(src) ? src : undefined });
    const row = id === null ? undefined : await run.q.selectFrom('media').select('storage_key').where('id', '=', id).executeTakeFirst();
    if (row) out.set(src, mediaUrl(row.storage_key));
  }
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]+)(")/gi, (whole, a: string, src: string, b: string) => (out.has(src) ? `${a}${out.get(src)}${b}` : whole));
}

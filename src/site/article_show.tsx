// GET /articles/:slug: the article page with every part of a real news page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { findArticleBySlug, currentSlugFor, relatedArticles, type ArticlePage } from '../content/reading.ts';
import { sectionRail, worldRail, WORLD_SECTION } from './rails.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { findRedirect } from '../content/redirects.ts';
import { t, separatorOf } from '../i18n/index.ts';
import { TranslationSwitch } from './views/translations.tsx';
import { loadCommentsBlock } from './comments_block.tsx';
import { loadSiteView, type SiteView } from './site_view.ts';
import { creativeFor } from './ad_pick.ts';
import { sendPage } from '../http/send_page.ts';
import { cardTags, siteTags } from './cache_tags.ts';
import { Layout } from './views/layout.tsx';
import { Picture } from './views/picture.tsx';
import { ArticleMeta } from './views/social_meta.tsx';
import { ShareLinks } from './views/share_links.tsx';
import { articleDescription } from './views/describe.ts';
import { loadSignupLists, SignupBox } from './newsletter_box.tsx';
import { loadMostRead, mostReadTags, MostReadBox } from './most_read_box.tsx';
import { liveStory, type LiveStory } from '../live/reading.ts';
import { LiveBlock, liveJsonLd } from './live_block.tsx';
import { AdSlot, Bylines, Rail, SectionLabel, StoryCard, When, isolate, authorHref, tagHref, articleHref, type Creative } from './views/parts.tsx';

export async function articleShow(ctx: AppContext, req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
  const slug = req.params.slug;
  const a = await ctx.reads.get(`article:${slug}`, () => findArticleBySlug(ctx.db, slug));
  if (!a) {
    const current = await currentSlugFor(ctx.db, slug);
    if (current) return reply.redirect(articleHref(current), 301);
    if ((await findRedirect(ctx.db, `/articles/${slug}`))?.status_code === 410) {
      throw new GoneError('This article has been removed.');
    }
    throw new NotFoundError('We could not find that article.');
  }
  if (a.status === 'archived') throw new GoneError('This article has been removed.');
  if (a.status !== 'published') throw new NotFoundError('We could not find that article.');
  const path = articleHref(a.slug);
  const [site, related, sectionItems, world, inline, sidebar, comments, signupLists, mostRead, live] = await Promise.all([
    loadSiteView(ctx, a.language),
    ctx.reads.get(`related:${a.id}`, () => relatedArticles(ctx.db, a, 4)),
    sectionRail(ctx, a.language, a.card.section, [a.id]),
    worldRail(ctx, a.language, [a.id]),
    creativeFor(ctx, 'article-inline', path, a.language),
    creativeFor(ctx, 'sidebar', path, a.language),
    loadCommentsBlock(ctx, a, req),
    loadSignupLists(ctx, a.language),
    loadMostRead(ctx, a.language),
    liveStory(ctx.db, a.id),
  ]);
  // The article's own SEO words when the newsroom gave them; the headline and standfirst otherwise.
  const description = articleDescription(a);
  const canonical = `${ctx.config.publicUrl}${path}`;
  // A partner's agreement may ask search engines to credit the original page rather than our copy.
  const canonicalLink = a.source?.canonical_to_original && a.source_url ? a.source_url : canonical;
  const worldId = site.sections.find((s) => s.slug === WORLD_SECTION)?.id;
  const cacheTags = [
    ...siteTags(site), ...cardTags([a.card, ...related, ...sectionItems.items, ...world.items]), `comments:${a.id}`, 'ads', 'newsletters',
    // the rails and "more articles" draw from the story's section, its tags and the world section
    a.card.section ? `list:section:${a.card.section.id}` : 'list:latest', ...a.tags.flatMap((tag) => [`tag:${tag.id}`, `list:tag:${tag.id}`]),
    ...(worldId !== undefined ? [`list:section:${worldId}`] : []),
    ...(a.source ? [`source:${a.source.id}`, ...(a.source.logo ? [`media:${a.source.logo.id}`] : [])] : []),
    ...a.card.authors.flatMap((p) => (p.photo ? [`media:${p.photo.id}`] : [])),
    `translations:${a.translation_group ?? a.id}`, ...a.translations.map((tr) => `article:${tr.id}`), ...mostReadTags(a.language, mostRead),
    // a live story's entries: purged by each new entry without touching the lists that show the story's card
    ...(live ? [`live:${a.id}`] : []),
  ];
  const languages = a.translations.length ? { origin: ctx.config.publicUrl, links: [{ lang: a.language, path }, ...a.translations.map((tr) => ({ lang: tr.language, path: articleHref(tr.slug) }))] } : undefined;
  return sendPage(reply, (
    <Layout site={site} article title={`${a.seo_title || a.headline} | ${site.settings.name}`} description={description} current={a.card.section?.slug}
      canonical={canonicalLink} languages={languages} feeds={live ? path : undefined}
      head={<ArticleMeta a={a} site={site} base={ctx.config.publicUrl} url={canonical} description={description} live={live ? liveJsonLd(live, canonical, a.language, a.updated_at) : undefined} />}>
      <div class="article-layout">
        <ArticleBody a={a} site={site} inline={inline} url={canonical} live={live} />
        <div class="article-aside">
          <AdSlot creative={sidebar} slot="sidebar" lang={site.lang} />
          <Rail {...sectionItems} site={site} />
          {a.card.section?.slug !== WORLD_SECTION ? <Rail {...world} site={site} /> : null}
          <MostReadBox list={mostRead} lang={site.lang} except={a.id} />
        </div>
      </div>
      {related.length ? (
        <section class="more-articles" aria-labelledby="more-heading">
          <h2 id="more-heading">{t(site.lang, 'article.more')}</h2>
          <div class="card-grid">{related.map((r) => <StoryCard a={r} site={site} />)}</div>
        </section>
      ) : null}
      <SignupBox lists={signupLists} lang={a.language} defaultLang={site.settings.language} />
      <section id="comments" aria-label={t(site.lang, 'article.comments')}>{comments}</section>
    </Layout>
  ), { cacheTags });
}

function splitBody(html: string, afterParagraph: number): [string, string] {
  let idx = -1;
  for (let i = 0; i < afterParagraph; i++) {
    idx = html.indexOf('</p>', idx + 1);
    if (idx < 0) return [html, ''];
  }
  return [html.slice(0, idx + 4), html.slice(idx + 4)];
}

function ArticleBody({ a, site, inline, url, live }: { a: ArticlePage; site: SiteView; inline: Creative | null; url: string; live: LiveStory | null }): VNode {
  const lang = site.lang;
  const [first, rest] = splitBody(a.body_html, 3);
  const updated = a.updated_at > (a.published_at ?? '') && a.updated_at.slice(0, 16) !== (a.published_at ?? '').slice(0, 16);
  const source = a.source;
  return (
    <article class="story">
      <header class="story-header">
        <TranslationSwitch current={{ language: a.language, slug: a.slug, headline: a.headline }} others={a.translations} lang={lang} />
        {a.card.section ? <SectionLabel section={a.card.section} site={site} /> : null}
        <h1>{a.headline}</h1>
        {a.standfirst ? <p class="standfirst">{a.standfirst}</p> : null}
        <div class="story-meta">
          <Bylines authors={a.card.authors} lang={lang} />
          {source && !a.card.authors.length && a.original_byline ? <p class="byline">{t(lang, 'article.by')} {a.original_byline}</p> : null}
          <p class="times">
            {t(lang, 'article.published')} <When at={a.published_at!} site={site} lang={lang} style="datetime" />
            {updated ? <>{separatorOf(lang)}{t(lang, 'article.updated')} <When at={a.updated_at} site={site} lang={lang} style="datetime" /></> : null}
          </p>
        </div>
        <PublisherBox a={a} site={site} />
      </header>
      {a.card.hero ? (
        <figure class="hero">
          <Picture media={a.card.hero} alt={a.hero_alt || a.card.hero.alt} sizes="(min-width: 60em) 42em, 100vw" eager />
          {a.hero_caption || a.hero_credit || a.card.hero.caption ? (
            <figcaption>
              {a.hero_caption || a.card.hero.caption}
              {(a.hero_credit || a.card.hero.credit) ? <span class="credit"> {a.hero_credit || a.card.hero.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {a.corrections.length ? (
        <aside class="corrections" aria-label={t(lang, 'article.corrections')}>
          {a.corrections.map((c) => (
            <p><strong>{t(lang, 'article.corrections')}:</strong> {c.body} (<When at={c.created_at} site={site} lang={lang} />)</p>
          ))}
        </aside>
      ) : null}
      <div class="story-body">
        <div dangerouslySetInnerHTML={{ __html: first }} />
        <AdSlot creative={inline} slot="article-inline" lang={lang} />
        {rest ? <div dangerouslySetInnerHTML={{ __html: rest }} /> : null}
      </div>
      {live ? <LiveBlock live={live} site={site} lang={lang} slug={a.slug} /> : null}
      {source && a.source_url ? (
        <p class="source-link">
          <a href={a.source_url} rel="noopener">{t(lang, 'article.originally_published', { name: source.name })}</a>
          {a.original_published_at ? <>, <When at={a.original_published_at} site={site} lang={lang} style="datetime" /></> : null}
          {source.licence ? <>. <span class="source-licence">{t(lang, 'article.source_licence', { licence: source.licence })}</span></> : null}
        </p>
      ) : null}
      {a.tags.length ? (
        <nav class="tags" aria-label={t(lang, 'article.tags')}>
          <ul>{a.tags.map((tag) => <li><a href={tagHref(tag.slug)} rel="tag">{tag.name}</a></li>)}</ul>
        </nav>
      ) : null}
      <ShareLinks url={url} title={a.headline} lang={lang} />
      {a.card.authors.filter((p) => p.bio).map((p) => (
        <section class="author-bio" aria-label={`${t(lang, 'article.about_author')}: ${p.name}`}>
          {p.photo ? <Picture media={p.photo} alt={p.name} sizes="6em" display={160} /> : null}
          <div>
            <p class="author-name"><a href={authorHref(p.slug)}><bdi>{p.name}</bdi></a>{p.role_label ? <span class="role" dir="auto">{p.role_label}</span> : null}</p>
            <p dir="auto">{p.bio}</p>
            <p><a href={authorHref(p.slug)}>{t(lang, 'article.author_profile', { name: isolate(p.name) })}</a></p>
          </div>
        </section>
      ))}
    </article>
  );
}

/** The outlet behind the story: the site itself, or for syndicated stories the source. */
function PublisherBox({ a, site }: { a: ArticlePage; site: SiteView }): VNode {
  const lang = site.lang;
  const source = a.source;
  const name = source ? source.name : site.settings.name;
  // The site's own description already shows under the masthead; a source's is news to the reader.
  const description = source ? source.description : '';
  const logo = source ? source.logo : site.logo;
  const href = source ? source.site_url || undefined : '/';
  return (
    <section class="publisher" aria-label={t(lang, 'article.publisher')}>
      {logo ? <Picture media={logo} alt="" sizes="7em" display={240} class="publisher-logo" /> : null}
      <div>
        <p class="publisher-name">{href ? <a href={href} rel={source ? 'noopener' : undefined}>{name}</a> : name}</p>
        {description ? <p class="publisher-description">{description}</p> : null}
        {source ? <p class="publisher-note">{t(lang, 'article.syndicated', { name: source.name })}</p> : null}
      </div>
    </section>
  );
}

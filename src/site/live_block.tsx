// A live story on the article page: its status (live, or when it ended), the key updates listed at the top, and its
// entries newest first, each under its own anchor (#entry-12) with its time, author, text, pictures and links; a
// corrected entry says when, a deleted one that it was removed. The entries (LiveEntries) are also sent alone, as
// the fragment public/live.js fetches to offer "3 new updates"; without JavaScript, a reload shows them.
import type { ComponentChildren, VNode } from 'preact';
import type { LiveEntryView, LiveStory } from '../live/reading.ts';
import { localDigits, t } from '../i18n/index.ts';
import { localeOf } from '../i18n/dates.ts';
import { assetUrl } from './assets.ts';
import type { SiteView } from './site_view.ts';
import { Picture } from './views/picture.tsx';
import { When, articleHref } from './views/parts.tsx';
import { feedHrefs } from './feeds/feed_paths.ts';

/** How often an open page asks whether there are new entries: a 304 from the page cache most of the time. */
export const POLL_SECONDS = 15;

/** The address of a story's entries alone (the fragment readers' pages poll). */
export const liveFragmentHref = (slug: string) => `${articleHref(slug)}/live`;

/** The hour and minute of an entry in the site's time zone, in the language's digits ("14:05", "۱۴:۰۵"). */
export function entryTime(at: string, site: SiteView, lang: string): string {
  const hm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: site.settings.timeZone }).format(new Date(at));
  return localDigits(hm, lang);
}

/** What tells a reader's page that an entry changed: a new correction, deletion or key mark. */
const version = (e: LiveEntryView) => `${e.correctedAt ?? e.postedAt}|${e.deletedAt ? 'x' : ''}|${e.key ? 'k' : ''}`;

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function Entry({ e, site, lang }: { e: LiveEntryView; site: SiteView; lang: string }): VNode {
  const at = entryTime(e.postedAt, site, lang);
  return (
    <li>
      <article id={`entry-${e.id}`} class={`live-entry${e.key ? ' key' : ''}${e.deletedAt ? ' removed' : ''}`} data-v={version(e)}>
        <p class="entry-meta">
          <a class="entry-time" href={`#entry-${e.id}`} title={t(lang, 'live.link_to_entry')}><time datetime={e.postedAt}>{at}</time></a>
          {e.key && !e.deletedAt ? <strong class="entry-key">{t(lang, 'live.key')}</strong> : null}
          {e.authorName && !e.deletedAt ? <span class="entry-author">{t(lang, 'live.posted_by', { name: e.authorName })}</span> : null}
          {e.correctedAt && !e.deletedAt ? <span class="entry-updated">{t(lang, 'live.updated', { time: entryTime(e.correctedAt, site, lang) })}</span> : null}
        </p>
        {e.deletedAt ? <p class="entry-removed">{t(lang, 'live.removed', { time: entryTime(e.deletedAt, site, lang) })}</p> : (
          <>
            <div class="entry-body" dir="auto" dangerouslySetInnerHTML={{ __html: e.html }} />
            {e.pictures.map((m) => (
              <figure class="entry-picture">
                <Picture media={m} alt={m.alt} sizes="(min-width: 60em) 42em, 100vw" />
                {m.caption || m.credit ? <figcaption>{m.caption}{m.credit ? <span class="credit"> {m.credit}</span> : null}</figcaption> : null}
              </figure>
            ))}
            {e.links.length ? (
              <ul class="entry-links">{e.links.map((l) => <li><a href={l} rel="nofollow noopener noreferrer">{t(lang, 'live.see_on', { host: host(l) })}</a></li>)}</ul>
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

/** The first line of an entry, for the list of key updates. */
export function firstLine(text: string, max = 140): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** A message with a {time} in it, the time drawn as a <time> element. */
function Around({ text, children }: { text: string; children: ComponentChildren }): VNode {
  const [before, after = ''] = text.split('{time}');
  return <span>{before}{children}{after}</span>;
}

/** The highlights and the entries: the part of the page that changes with each entry. */
export function LiveEntries({ live, site, lang }: { live: LiveStory; site: SiteView; lang: string }): VNode {
  const shown = live.entries;
  const keys = shown.filter((e) => e.key && !e.deletedAt);
  return (
    <div class="live-entries" id="live-entries" data-ended={live.coverage.live ? undefined : ''}>
      {keys.length ? (
        <nav class="live-highlights" aria-labelledby="live-highlights-heading">
          <h2 id="live-highlights-heading">{t(lang, 'live.highlights')}</h2>
          <ul>{keys.map((e) => <li><a href={`#entry-${e.id}`}><time datetime={e.postedAt}>{entryTime(e.postedAt, site, lang)}</time> {firstLine(e.text)}</a></li>)}</ul>
        </nav>
      ) : null}
      <h2 class="live-latest">{t(lang, 'live.latest')}</h2>
      {shown.length ? <ol class="live-list">{shown.map((e) => <Entry e={e} site={site} lang={lang} />)}</ol> : <p>{t(lang, 'live.empty')}</p>}
    </div>
  );
}

/** The live block of the article page; while the coverage runs, with the small script that looks for new entries. */
export function LiveBlock({ live, site, lang, slug }: { live: LiveStory; site: SiteView; lang: string; slug: string }): VNode {
  const { coverage } = live;
  return (
    <section class={`live${coverage.live ? ' running' : ''}`} id="live" aria-label={t(lang, 'live.label')}>
      <p class="live-status">
        {coverage.live ? <strong class="live-badge">{t(lang, 'live.badge')}</strong> : null}{' '}
        <Around text={t(lang, coverage.live ? 'live.started' : 'live.ended', { time: '{time}' })}>
          <When at={coverage.live ? coverage.startedAt : coverage.endedAt!} site={site} lang={lang} style="datetime" />
        </Around>
      </p>
      {coverage.live ? (
        <div class="live-new" data-src={liveFragmentHref(slug)} data-poll={POLL_SECONDS} data-locale={localeOf(lang)}
          data-one={t(lang, 'live.new_one')} data-many={t(lang, 'live.new_many', { count: '{count}' })}>
          <button type="button" class="live-new-button" hidden aria-live="polite">{t(lang, 'live.show_new')}</button>
          <noscript><p class="live-reload">{t(lang, 'live.reload')}</p></noscript>
        </div>
      ) : null}
      <LiveEntries live={live} site={site} lang={lang} />
      <p class="live-feed"><a href={feedHrefs(articleHref(slug)).rss} type="application/rss+xml">{t(lang, 'live.feed')}</a></p>
      {coverage.live ? <script type="module" src={assetUrl('live.js')} /> : null}
    </section>
  );
}

/** How many entries the JSON-LD carries: the newest (search engines read the latest updates). */
const JSON_LD_ENTRIES = 50;

/** What a live story's JSON-LD says beyond a news article's (schema.org LiveBlogPosting): its type, its last change,
 * when the coverage ran, and its newest entries as BlogPosting updates, each with its own address. */
export function liveJsonLd(live: LiveStory, url: string, lang: string, modified: string): Record<string, unknown> {
  const { coverage } = live;
  // The story changes with each entry: its last change is the newest entry's, when that is later than the story's.
  const newest = [modified, ...live.entries.map((e) => e.deletedAt ?? e.correctedAt ?? e.postedAt)].sort().at(-1)!;
  return {
    '@type': 'LiveBlogPosting',
    dateModified: new Date(newest).toISOString(),
    coverageStartTime: new Date(coverage.startedAt).toISOString(),
    ...(coverage.endedAt ? { coverageEndTime: new Date(coverage.endedAt).toISOString() } : {}),
    liveBlogUpdate: live.entries.filter((e) => !e.deletedAt).slice(0, JSON_LD_ENTRIES).map((e) => ({
      '@type': 'BlogPosting',
      headline: firstLine(e.text, 110) || t(lang, 'live.entry_title', { time: e.postedAt }),
      datePublished: new Date(e.postedAt).toISOString(),
      ...(e.correctedAt ? { dateModified: new Date(e.correctedAt).toISOString() } : {}),
      articleBody: e.text,
      url: `${url}#entry-${e.id}`,
      ...(e.authorName ? { author: { '@type': 'Person', name: e.authorName } } : {}),
    })),
  };
}

/** The lite edition's live story: the entries as text (no pictures, no script), newest first; a reload shows more. */
export function LiteLive({ live, site, lang }: { live: LiveStory; site: SiteView; lang: string }): VNode {
  const { coverage } = live;
  return (
    <section id="live" aria-label={t(lang, 'live.label')}>
      <p class="meta">
        {coverage.live ? <><strong>{t(lang, 'live.badge')}</strong> · </> : null}
        <Around text={t(lang, coverage.live ? 'live.started' : 'live.ended', { time: '{time}' })}>
          <When at={coverage.live ? coverage.startedAt : coverage.endedAt!} site={site} lang={lang} style="datetime" />
        </Around>
        {coverage.live ? <> · {t(lang, 'live.reload')}</> : null}
      </p>
      <h2>{t(lang, 'live.latest')}</h2>
      {live.entries.length ? (
        <ol class="lite-live">
          {live.entries.map((e) => (
            <li id={`entry-${e.id}`}>
              <p class="meta">
                <a href={`#entry-${e.id}`}><time datetime={e.postedAt}>{entryTime(e.postedAt, site, lang)}</time></a>
                {e.key && !e.deletedAt ? <> · <strong>{t(lang, 'live.key')}</strong></> : null}
                {e.correctedAt && !e.deletedAt ? <> · {t(lang, 'live.updated', { time: entryTime(e.correctedAt, site, lang) })}</> : null}
              </p>
              {e.deletedAt ? <p>{t(lang, 'live.removed', { time: entryTime(e.deletedAt, site, lang) })}</p> : (
                <>
                  <div dir="auto" dangerouslySetInnerHTML={{ __html: e.html }} />
                  {e.links.map((l) => <p><a href={l} rel="nofollow noopener noreferrer">{t(lang, 'live.see_on', { host: host(l) })}</a></p>)}
                </>
              )}
            </li>
          ))}
        </ol>
      ) : <p>{t(lang, 'live.empty')}</p>}
    </section>
  );
}

// <link rel="alternate"> to a list's three feeds, so browsers and feed readers find them from the page.
import type { VNode } from 'preact';
import { FEED_TYPES, type FeedKind } from './feed_build.ts';
import { feedHrefs } from './feed_paths.ts';

const KIND_NAMES: Record<FeedKind, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

export function FeedLinks({ base, title }: { base: string; title: string }): VNode {
  const hrefs = feedHrefs(base);
  return (
    <>
      {(Object.keys(hrefs) as FeedKind[]).map((k) => (
        <link rel="alternate" type={FEED_TYPES[k].split(';')[0]} href={hrefs[k]} title={`${title} (${KIND_NAMES[k]})`} />
      ))}
    </>
  );
}

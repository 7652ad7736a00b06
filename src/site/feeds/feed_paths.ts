// Where a list's feeds live: its address plus /feed (RSS), /atom.xml and /feed.json ('' is the whole site).

/** A list's feed addresses, by kind (what <link rel="alternate"> and each feed's self link name). */
export function feedHrefs(base: string): { rss: string; atom: string; json: string } {
  const b = base.replace(/\/$/, '');
  return { rss: `${b}/feed`, atom: `${b}/atom.xml`, json: `${b}/feed.json` };
}

// Partner sites of our own on loopback for the syndication tests and bench: three outlets with RSS, Atom and
// JSON feeds (a story carried twice), their article pages (test/fixtures/syndication), images, a broken feed
// and a busy one. Feeds answer conditional GETs; every request is counted per path.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { parseHTML } from 'linkedom';

const FIXTURES = new URL('../fixtures/syndication/', import.meta.url);

export interface PartnerSites {
  base: string;
  hits: Map<string, number>;
  /** extra pages the bench adds: path -> html */
  pages: Map<string, string>;
  feeds: Map<string, { type: string; body: string }>;
  /** when set, every request waits for it before it is answered (tests hold a partner's requests with it) */
  gate: ((path: string) => Promise<void>) | null;
  close(): Promise<void>;
}

const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

export function rssFeed(base: string, items: { url: string; title: string; category?: string; date?: string }[]): string {
  const entries = items.map((i) => `<item><title>${i.title}</title><link>${base}${i.url}</link><guid>${base}${i.url}</guid>${i.category ? `<category>${i.category}</category>` : ''}<pubDate>${i.date ?? 'Mon, 30 Nov 2026 06:15:00 GMT'}</pubDate></item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley Herald</title><link>${base}/</link><description>News</description>${entries}</channel></rss>`;
}

function feedsFor(base: string): Map<string, { type: string; body: string }> {
  const feeds = new Map<string, { type: string; body: string }>();
  feeds.set('/valley/feed.xml', { type: 'application/rss+xml', body: rssFeed(base, [
    { url: '/2026/11/30/floodwaters-recede-in-kunar/?utm_source=rss&utm_medium=feed', title: 'Floodwaters recede in Kunar as families return home', category: 'Afghanistan' },
    { url: '/pamir-road', title: 'Pamir road link opens to trade', category: 'Business' },
    { url: '/gone', title: 'A story the partner took down' },
  ]) });
  feeds.set('/west/atom.xml', { type: 'application/atom+xml', body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>West Wind Weekly</title><id>${base}/west</id><updated>2026-11-29T14:00:00Z</updated>
<entry><title>Herat's carpet weavers find buyers online</title><id>${base}/herat-carpet-weavers-online/</id><link href="${base}/herat-carpet-weavers-online/"/><published>2026-11-29T14:00:00Z</published><updated>2026-11-29T14:00:00Z</updated><author><name>Farid Noori</name></author></entry>
<entry><title>Kunar floods: families go home</title><id>urn:west:kunar</id><link href="${base.replace('127.0.0.1', '127.0.0.1')}/2026/11/30/floodwaters-recede-in-kunar/amp/?fbclid=xyz"/><updated>2026-11-30T08:00:00Z</updated></entry>
</feed>` });
  feeds.set('/third/feed.json', { type: 'application/feed+json', body: JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Pamir Times',
    items: [
      { id: 'pt-1', url: `${base}/wakhan-road-opens`, title: 'Wakhan road opens for trucks', date_published: '2026-11-30T09:00:00Z', content_html: '<p>short</p>' },
      { id: 'pt-2', url: `${base}/badakhshan-schools`, title: 'بازگشایی مکتب‌ها در بدخشان', date_published: '2026-11-30T10:00:00Z', content_html: '<p>short</p>' },
    ],
  }) });
  feeds.set('/broken/feed.xml', { type: 'application/rss+xml', body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>never closed' });
  return feeds;
}

export async function startPartnerSites(): Promise<PartnerSites> {
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 30, g: 90, b: 140 } } }).png().toBuffer();
  const hits = new Map<string, number>();
  const pages = new Map<string, string>();
  const html = (file: string) => fixture(file).toString('utf8');
  let feeds = new Map<string, { type: string; body: string }>();
  let base = '';
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (sites.gate) await sites.gate(path);
    if (res.destroyed) return;
    const feed = feeds.get(path);
    if (feed) {
      const etag = `"${feed.body.length}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return void res.writeHead(200, { 'content-type': `${feed.type}; charset=utf-8`, etag }).end(feed.body);
    }
    const page = (body: string | Buffer, type = 'text/html; charset=utf-8') => void res.writeHead(200, { 'content-type': type }).end(body);
    if (pages.has(path)) return page(pages.get(path) as string);
    switch (path) {
      case '/robots.txt': return page('User-agent: *\nDisallow: /private/\n', 'text/plain');
      case '/2026/11/30/floodwaters-recede-in-kunar/': return page(html('wordpress.html').replaceAll('{{BASE}}', base));
      case '/herat-carpet-weavers-online/': return page(html('ghost.html').replaceAll('{{BASE}}', base));
      case '/pamir-road': return page(html('plain.html'));
      case '/wakhan-road-opens': return page(html('reprint.html'));
      case '/badakhshan-schools': return page(fixture('windows-1256.html'), 'text/html');
      case '/wp-content/uploads/2026/11/kunar-river.png':
      case '/content/images/2026/11/looms.png': return page(png, 'image/png');
      case '/busy/feed.xml': return void res.writeHead(503, { 'retry-after': '900' }).end('busy');
      default: res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feeds = feedsFor(base);
  const sites: PartnerSites = {
    base, hits, pages, feeds, gate: null,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return sites;
}

/** A story body's blocks as a reader sees them, one string each. */
export function paragraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('p, h2, h3, h4, figcaption, li')].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

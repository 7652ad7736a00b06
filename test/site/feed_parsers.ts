// Two independent feed parsers for the feed tests: Debian's python3-feedparser (run as a child process) and
// feedsmith (JavaScript). Each gives the same plain shape, so the tests check both the same way.
import { spawnSync } from 'node:child_process';
import { parseFeed } from 'feedsmith';

export interface ParsedEntry {
  title: string;
  link: string;
  id: string;
  published: string | null;
  updated: string | null;
  authors: string[];
  /** the summary and content as the parser gives them (HTML) */
  text: string;
  enclosures: { url: string; type: string; length: string | null }[];
}

export interface ParsedFeed {
  title: string;
  language: string | null;
  entries: ParsedEntry[];
}

// Dates come back as UTC ISO strings (feedparser's parsed time tuples are UTC). Debian's feedparser 6.0.10 has no
// JSON Feed reader (it took JSON Feed in only after 6.0): a JSON Feed is read there by Python's strict json module
// and the JSON Feed 1.1 field names, dates by datetime.fromisoformat (RFC 3339), still independent of Node.
const PY = `
import sys, json, calendar, datetime, html, feedparser
raw = sys.stdin.buffer.read()
def utc(dt):
    return dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
if 'json' in sys.argv[1]:
    d = json.loads(raw.decode('utf-8'))
    assert d['version'] == 'https://jsonfeed.org/version/1.1', d['version']
    rfc3339 = lambda s: utc(datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))) if s else None
    print(json.dumps({'title': d['title'], 'language': d.get('language'), 'entries': [{
        'title': i.get('title', ''), 'link': i.get('url', ''), 'id': i['id'],
        'published': rfc3339(i.get('date_published')), 'updated': rfc3339(i.get('date_modified')),
        'authors': [a['name'] for a in i.get('authors', [])],
        'text': i.get('summary', '') + ' ' + i.get('content_html', ''),
        'enclosures': [{'url': a['url'], 'type': a['mime_type'], 'length': a.get('size_in_bytes')} for a in i.get('attachments', [])],
    } for i in d['items']]}))
    sys.exit(0)
d = feedparser.parse(raw)
if d.get('bozo'):
    print(json.dumps({'error': str(d.get('bozo_exception'))})); sys.exit(0)
def plain(e):
    # feedparser gives a title it reads as HTML (RSS titles, Atom type="html") as an HTML fragment: the text is its unescaping.
    d = e.get('title_detail') or {}
    return html.unescape(e.get('title', '')) if d.get('type') == 'text/html' else e.get('title', '')
def iso(t):
    return None if not t else utc(datetime.datetime.fromtimestamp(calendar.timegm(t), datetime.timezone.utc))
out = {'title': d.feed.get('title', ''), 'language': d.feed.get('language'), 'entries': []}
for e in d.entries:
    out['entries'].append({
        'title': plain(e), 'link': e.get('link', ''), 'id': e.get('id', ''),
        'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),
        'authors': [a.get('name', '') for a in e.get('authors', [])],
        'text': e.get('summary', '') + ' ' + ' '.join(c.get('value', '') for c in e.get('content', [])),
        'enclosures': [{'url': x.get('href'), 'type': x.get('type'), 'length': x.get('length')} for x in e.get('enclosures', [])],
    })
print(json.dumps(out))
`;

/** The feed as Debian's feedparser reads it (a JSON Feed: as Python's json reads it); throws when it finds the document malformed. */
export function feedparser(body: string, contentType = 'application/xml'): ParsedFeed {
  const r = spawnSync('/usr/bin/python3', ['-c', PY, contentType], { input: Buffer.from(body, 'utf8'), maxBuffer: 32 << 20 });
  if (r.status !== 0) throw new Error(`feedparser failed: ${r.stderr.toString()}`);
  const out = JSON.parse(r.stdout.toString('utf8'));
  if (out.error) throw new Error(`feedparser: malformed feed: ${out.error}`);
  return out;
}

/** The text an HTML title stands for (RSS titles are read as HTML, as feed readers show them). */
const unescape = (html: string): string => html.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
const iso = (d: unknown): string | null => (d ? new Date(String(d)).toISOString() : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(o) : []);
const len = (v: unknown): string | null => (v === undefined ? null : String(v));
/** An Atom text construct's text ({ value, type }), unescaped when it is HTML. */
const atomText = (v: unknown): string => (o(v).type === 'html' ? unescape(str(o(v).value)) : str(o(v).value ?? v));

/** The feed as feedsmith reads it (RSS, Atom or JSON Feed, detected). */
export function feedsmith(body: string, _contentType?: string): ParsedFeed {
  const { format, feed: f } = parseFeed(body) as { format: string; feed: unknown };
  const feed = o(f);
  if (format === 'rss') {
    return {
      title: str(feed.title), language: (feed.language as string) ?? null,
      entries: list(feed.items).map((i) => ({
        title: unescape(str(i.title)), link: str(i.link), id: str(o(i.guid).value ?? i.guid),
        published: iso(i.pubDate), updated: null,
        // Bylines travel as Dublin Core creators (RSS's own <author> is an email address).
        authors: [...(Array.isArray(i.authors) ? i.authors : []), ...(Array.isArray(o(i.dc).creators) ? (o(i.dc).creators as unknown[]) : [])].map((a: unknown) => str(typeof a === 'string' ? a : o(a).name)),
        text: `${str(i.description)} ${str(o(i.content).encoded)}`,
        enclosures: list(i.enclosures).map((x) => ({ url: str(x.url), type: str(x.type), length: len(x.length) })),
      })),
    };
  }
  if (format === 'atom') {
    return {
      title: atomText(feed.title), language: null,
      entries: list(feed.entries).map((e) => ({
        title: atomText(e.title), link: str(list(e.links).find((l) => !l.rel || l.rel === 'alternate')?.href), id: str(e.id),
        published: iso(e.published), updated: iso(e.updated),
        authors: list(e.authors).map((a) => str(a.name)),
        text: `${str(o(e.summary).value ?? e.summary)} ${str(o(e.content).value ?? e.content)}`,
        enclosures: list(e.links).filter((l) => l.rel === 'enclosure').map((l) => ({ url: str(l.href), type: str(l.type), length: len(l.length) })),
      })),
    };
  }
  if (format === 'json') {
    return {
      title: str(feed.title), language: (feed.language as string) ?? null,
      entries: list(feed.items).map((i) => ({
        title: str(i.title), link: str(i.url), id: str(i.id),
        published: iso(i.date_published), updated: iso(i.date_modified),
        authors: list(i.authors ?? (i.author ? [i.author] : [])).map((a) => str(a.name)),
        text: `${str(i.summary)} ${str(i.content_html)}`,
        enclosures: list(i.attachments).map((x) => ({ url: str(x.url), type: str(x.mime_type), length: len(x.size_in_bytes) })),
      })),
    };
  }
  throw new Error(`feedsmith: unexpected format ${format}`);
}

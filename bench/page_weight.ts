// Page weight as a reader on a slow connection pays it: the page's HTML plus its stylesheets, in the bytes
// the server actually sends to a browser that accepts br and gzip.
import { request } from 'node:http';

export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the bytes on the wire (still compressed when content-encoding says so) */
  bytes: number;
  body: Buffer;
}

/** GET over plain HTTP without decoding, so byte counts are what crossed the wire. */
export function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface PageWeight {
  html: { bytes: number; encoding: string };
  css: { url: string; bytes: number; encoding: string }[];
  total: number;
}

/** The compressed size of a page's HTML and every stylesheet it links. */
export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const accept = { 'accept-encoding': 'br, gzip' };
  const compressed = await fetchRaw(base + path, accept);
  if (compressed.status !== 200) throw new Error(`${path} answered ${compressed.status}`);
  const plain = await fetchRaw(base + path, { 'accept-encoding': 'identity' });
  const html = plain.body.toString('utf8');
  const hrefs = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /\brel=["']?stylesheet\b/i.test(tag))
    .map((tag) => /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1])
    .filter((h): h is string => !!h)
    .map((h) => new URL(h.replace(/&amp;/g, '&'), base + path).href);
  const css = [];
  for (const url of hrefs) {
    const r = await fetchRaw(url, accept);
    if (r.status !== 200) throw new Error(`stylesheet ${url} answered ${r.status}`);
    css.push({ url, bytes: r.bytes, encoding: String(r.headers['content-encoding'] ?? 'identity') });
  }
  const htmlPart = { bytes: compressed.bytes, encoding: String(compressed.headers['content-encoding'] ?? 'identity') };
  return { html: htmlPart, css, total: htmlPart.bytes + css.reduce((n, c) => n + c.bytes, 0) };
}

/** One line: "article page: 11.2 KB (HTML 8.1 KB br + CSS 3.1 KB br)". */
export function describeWeight(label: string, w: PageWeight): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const css = w.css.map((c) => `${kb(c.bytes)} ${c.encoding}`).join(' + ') || 'none';
  return `${label}: ${kb(w.total)} (HTML ${kb(w.html.bytes)} ${w.html.encoding} + CSS ${css})`;
}

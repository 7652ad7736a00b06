// Page weight as a reader on a slow connection pays it: the page's HTML plus every stylesheet and script it loads
// (what a browser fetches before the reader does anything; images are counted apart, they load as they scroll by),
// in the bytes the server actually sends to a browser that accepts br and gzip.
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
  js: { url: string; bytes: number; encoding: string }[];
  total: number;
}

/** The addresses in the page's tags that a browser fetches at load: stylesheets, preloads and scripts. */
function loadedAssets(html: string, pageUrl: string): { css: string[]; js: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
  const abs = (h: string) => new URL(h.replace(/&amp;/g, '&'), pageUrl).href;
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
  const css = links.filter((tag) => /\brel=["']?stylesheet\b/i.test(tag)).map((tag) => attr(tag, 'href'));
  const preloads = links.filter((tag) => /\brel=["']?(modulepreload|preload)\b/i.test(tag)).map((tag) => attr(tag, 'href'));
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attr(m[0], 'src'));
  const list = (xs: (string | undefined)[]) => [...new Set(xs.filter((h): h is string => !!h).map(abs))];
  return { css: list(css), js: list([...scripts, ...preloads]) };
}

async function fetchAll(urls: string[], accept: Record<string, string>) {
  const out = [];
  for (const url of urls) {
    const r = await fetchRaw(url, accept);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    out.push({ url, bytes: r.bytes, encoding: String(r.headers['content-encoding'] ?? 'identity') });
  }
  return out;
}

/** The compressed size of a page's HTML and every stylesheet and script it loads. */
export async function pageWeight(base: string, path: string, headers: Record<string, string> = {}): Promise<PageWeight> {
  const accept = { ...headers, 'accept-encoding': 'br, gzip' };
  const compressed = await fetchRaw(base + path, accept);
  if (compressed.status !== 200) throw new Error(`${path} answered ${compressed.status}`);
  const plain = await fetchRaw(base + path, { ...headers, 'accept-encoding': 'identity' });
  const assets = loadedAssets(plain.body.toString('utf8'), base + path);
  const css = await fetchAll(assets.css, accept);
  const js = await fetchAll(assets.js, accept);
  const htmlPart = { bytes: compressed.bytes, encoding: String(compressed.headers['content-encoding'] ?? 'identity') };
  return { html: htmlPart, css, js, total: htmlPart.bytes + [...css, ...js].reduce((n, c) => n + c.bytes, 0) };
}

/** One line: "article page: 11.2 KB (HTML 8.1 KB br + CSS 3.1 KB br + JS 1.9 KB br)". */
export function describeWeight(label: string, w: PageWeight): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const list = (xs: PageWeight['css']) => xs.map((c) => `${kb(c.bytes)} ${c.encoding}`).join(' + ') || 'none';
  return `${label}: ${kb(w.total)} (HTML ${kb(w.html.bytes)} ${w.html.encoding} + CSS ${list(w.css)} + JS ${list(w.js)})`;
}

// The safe fetcher against a partner site of our own on loopback: every refusal the issue lists, and the
// ordinary things (charsets, conditional GET, robots.txt) that must keep working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createFetcher, FetchFailure, type FetchReason } from '../../src/syndication/fetcher.ts';
import { AddressRule } from '../../src/syndication/addresses.ts';

let server: http.Server;
let base = '';
const PERSIAN = 'خبرهای جهان';
// A gzip bomb: 64 MB of zeros in about 64 KB on the wire.
const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
const oneLine = Buffer.alloc(10 * 1024 * 1024, 'a');

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? '/';
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const n = Number(chain[1]);
    if (n === 0) return void res.end('arrived');
    res.writeHead(302, { location: `/chain/${n - 1}` }).end();
    return;
  }
  switch (path) {
    case '/robots.txt':
      return void res.end('User-agent: *\nDisallow: /private-for-all\n\nUser-agent: KhabarBot\nDisallow: /not-for-khabar\nAllow: /not-for-khabar/but-this$\n');
    case '/plain':
      return void res.end('hello');
    case '/to-private':
      return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    case '/to-loopback-v6':
      return void res.writeHead(301, { location: `http://[::1]:${(server.address() as AddressInfo).port}/plain` }).end();
    case '/to-file':
      return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    case '/loop-a':
      return void res.writeHead(302, { location: '/loop-b' }).end();
    case '/loop-b':
      return void res.writeHead(302, { location: '/loop-a' }).end();
    case '/never-ends': {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>');
      const t = setInterval(() => res.write('still going '), 20);
      return void res.on('close', () => clearInterval(t));
    }
    case '/endless-fast': {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    case '/bomb':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
    case '/damaged-gzip':
      return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all'));
    case '/one-line':
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(oneLine);
    case '/gzip-ok':
      return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' }).end(zlib.gzipSync(PERSIAN));
    case '/windows-1256':
      return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' }).end(Buffer.from([0xc7, 0xe1, 0xe4, 0xc8, 0xc3]));
    case '/windows-1256-meta':
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>'), Buffer.from([0xc7, 0xe1, 0xe4, 0xc8, 0xc3])]));
    case '/latin1':
      return void res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    case '/etag':
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 03:00:00 GMT' }).end('fresh');
    case '/busy':
      return void res.writeHead(429, { 'retry-after': '120' }).end('slow down');
    default:
      if (path.startsWith('/not-for-khabar') || path.startsWith('/private-for-all')) return void res.end('secret');
      res.writeHead(404).end();
  }
}

before(async () => {
  server = http.createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const now = () => Date.parse('2026-12-01T03:00:00Z');
const open = createFetcher({ allow: ['127.0.0.1/32'], userAgent: 'KhabarBot/1.0 (test)', now });
const closed = createFetcher({ allow: [], userAgent: 'KhabarBot/1.0 (test)', now });

async function fails(promise: Promise<unknown>, reason: FetchReason): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof FetchFailure && e.reason === reason || assert.fail(`expected ${reason}, got ${String(e)}`));
}

test('loopback, private, link-local and metadata addresses are refused after resolution unless allowed', async () => {
  const port = (server.address() as AddressInfo).port;
  await fails(closed.fetch(`${base}/plain`), 'refused_address');
  await fails(closed.fetch(`http://localhost:${port}/plain`), 'refused_address');
  await fails(closed.fetch(`http://[::ffff:127.0.0.1]:${port}/plain`), 'refused_address');
  await fails(closed.fetch(`http://2130706433:${port}/plain`), 'refused_address');
  await fails(closed.fetch('http://169.254.169.254/latest/meta-data/'), 'refused_address');
  await fails(closed.fetch('http://[fd00:ec2::254]/'), 'refused_address');
  await fails(closed.fetch('file:///etc/passwd'), 'bad_url');
  await fails(closed.fetch('gopher://127.0.0.1/'), 'bad_url');
  await fails(closed.fetch(`http://user:pw@127.0.0.1:${port}/`), 'bad_url');
  assert.equal((await open.fetch(`${base}/plain`)).text(), 'hello', 'KHABAR_FETCH_ALLOW opens the listed network');
  const rule = new AddressRule([]);
  for (const a of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::', '::1', 'fe80::1', 'fc00::1', '::ffff:a9fe:a9fe', '224.0.0.1']) assert.equal(rule.permits(a), false, a);
  for (const a of ['93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(rule.permits(a), true, a);
});

test('every redirect is checked: to a private address, to another scheme, loops, more than five', async () => {
  await fails(open.fetch(`${base}/to-private`), 'refused_address');
  await fails(open.fetch(`${base}/to-loopback-v6`), 'refused_address');
  await fails(open.fetch(`${base}/to-file`), 'bad_url');
  await fails(open.fetch(`${base}/loop-a`), 'redirect_loop');
  await fails(open.fetch(`${base}/chain/6`), 'too_many_redirects');
  const five = await open.fetch(`${base}/chain/5`);
  assert.equal(five.text(), 'arrived');
  assert.equal(five.url, `${base}/chain/0`);
});

test('a page that never ends, a gzip bomb, a 10 MB single line and a damaged body each fail with a reason', async () => {
  await fails(open.fetch(`${base}/never-ends`, { timeoutMs: 300 }), 'timeout');
  await fails(open.fetch(`${base}/endless-fast`), 'too_large');
  await fails(open.fetch(`${base}/bomb`), 'too_large');
  await fails(open.fetch(`${base}/one-line`), 'too_large');
  await fails(open.fetch(`${base}/damaged-gzip`), 'bad_encoding');
  assert.equal((await open.fetch(`${base}/plain`)).status, 200, 'the fetcher still works afterwards');
});

test('charsets: header, document declaration, ISO-8859-1, gzip', async () => {
  assert.equal((await open.fetch(`${base}/windows-1256`)).text(), 'النبأ');
  assert.match((await open.fetch(`${base}/windows-1256-meta`)).text(), /النبأ$/);
  assert.equal((await open.fetch(`${base}/latin1`)).text(), 'café');
  assert.equal((await open.fetch(`${base}/gzip-ok`)).text(), PERSIAN);
});

test('conditional GET, Retry-After and robots.txt', async () => {
  const first = await open.fetch(`${base}/etag`);
  assert.equal(first.etag, '"v1"');
  const second = await open.fetch(`${base}/etag`, { etag: first.etag, lastModified: first.lastModified });
  assert.equal(second.notModified, true);
  assert.equal(second.body.length, 0);
  const busy = await open.fetch(`${base}/busy`);
  assert.deepEqual([busy.status, busy.retryAfterSeconds], [429, 120]);
  await fails(open.fetch(`${base}/not-for-khabar/story`), 'robots');
  assert.equal((await open.fetch(`${base}/not-for-khabar/but-this`)).text(), 'secret', 'the longer Allow wins');
  assert.equal((await open.fetch(`${base}/private-for-all`)).text(), 'secret', 'our own group replaces the * group');
});

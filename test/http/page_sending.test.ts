// Every kind of page leaves through the one page sender (src/http/send_page.ts): the same ETag, compression and
// Vary; a public 200 page may be cached and answers 304; error pages are compressed and never cached; one
// person's pages (sign-in, preview, a comment answer) are never cached or indexed, and their address is never
// sent to another site as a referrer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { testDialects, makeTestApp, type TestApp } from '../helpers/context.ts';
import { createArticle } from '../../src/content/articles.ts';
import { previewToken } from '../../src/content/preview_links.ts';
import { PAGE_CACHE_CONTROL } from '../../src/http/send_page.ts';
import { cheapSettings, publishedArticle, ORIGIN } from '../comments/fixtures.ts';

type Kind = { name: string; audience: 'public' | 'private'; status: number; send: (t: TestApp, headers: Record<string, string>) => Promise<LightMyRequestResponse> };

const get = (url: string) => (t: TestApp, headers: Record<string, string>) => t.app.inject({ url, headers });

function kinds(articleId: number, draftToken: string): Kind[] {
  let sent = 0;
  // Each post says something new: the same text twice is refused as a repeat.
  const commentForm = (fields: Record<string, string>) => (t: TestApp, headers: Record<string, string>) => t.app.inject({
    method: 'POST', url: '/comments', remoteAddress: '192.0.2.30',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...ORIGIN, ...headers },
    payload: new URLSearchParams({ article_id: String(articleId), ...fields, comment: `${fields.comment} (${++sent})` }).toString(),
  });
  return [
    { name: 'an article page', audience: 'public', status: 200, send: get('/articles/floods-reach-kabul') },
    { name: 'the home page', audience: 'public', status: 200, send: get('/') },
    { name: 'a 404 page', audience: 'public', status: 404, send: get('/articles/no-such-story') },
    { name: 'a 400 page', audience: 'public', status: 400, send: get('/articles/%ZZ') },
    { name: 'the sign-in page', audience: 'private', status: 200, send: get('/admin/sign-in') },
    { name: 'a draft preview', audience: 'private', status: 200, send: get(`/preview/${draftToken}`) },
    { name: 'a comment answer (refused: no proof of work)', audience: 'private', status: 403, send: commentForm({ comment: 'Sent without scripts', name: 'Lynx' }) },
    { name: 'a comment answer (refused)', audience: 'private', status: 400, send: commentForm({ comment: 'No name given', name: '' }) },
  ];
}

function decoded(r: LightMyRequestResponse): string {
  const encoding = r.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(r.rawPayload).toString() : encoding === 'gzip' ? gunzipSync(r.rawPayload).toString() : r.body;
}

for (const dialect of testDialects()) {
  test(`every kind of page goes through the one page sender (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      await cheapSettings(t.ctx, { ipMaxPerTenMinutes: 1000, ipMaxPerHour: 1000 });
      const articleId = await publishedArticle(t.ctx);
      const draft = await createArticle(t.ctx, { headline: 'Draft under review', bodyHtml: '<p>Not yet.</p>', language: 'en' }, { userId: null });
      const token = previewToken(t.ctx, draft, new Date(t.clock.now().getTime() + 3600_000));

      for (const kind of kinds(articleId, token)) {
        await s.test(kind.name, async () => {
          for (const encoding of ['br', 'gzip'] as const) {
            const r = await kind.send(t, { 'accept-encoding': encoding });
            assert.equal(r.statusCode, kind.status, r.body.slice(0, 300));
            assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8$/);
            assert.match(String(r.headers.etag), /^W\/"[\w-]{27}"$/, 'the sender\'s ETag');
            assert.equal(r.headers['content-encoding'], encoding, 'compressed');
            assert.match(String(r.headers.vary), /accept-encoding/i);
            assert.match(decoded(r), /^<!doctype html><html lang="en" dir="ltr">/);
            const cacheable = kind.audience === 'public' && kind.status === 200;
            assert.equal(r.headers['cache-control'], cacheable ? PAGE_CACHE_CONTROL : 'no-store');
            if (kind.audience === 'private') {
              assert.equal(r.headers['referrer-policy'], 'same-origin');
              assert.equal(r.headers['x-robots-tag'], 'noindex, nofollow');
            } else {
              assert.equal(r.headers['referrer-policy'], 'strict-origin-when-cross-origin');
              assert.equal(r.headers['x-robots-tag'], undefined);
            }
          }
          // Only a public 200 page answers "you have it already"; the others are sent whole every time.
          const first = await kind.send(t, {});
          const again = await kind.send(t, { 'if-none-match': String(first.headers.etag) });
          if (kind.audience === 'public' && kind.status === 200) {
            assert.equal(again.statusCode, 304);
            assert.equal(again.body, '');
          } else {
            assert.equal(again.statusCode, kind.status);
            assert.match(again.body, /^<!doctype html>/);
          }
        });
      }

      await s.test('the API still answers errors as JSON, never cached', async () => {
        const r = await t.app.inject('/api/nothing-here');
        assert.equal(r.statusCode, 404);
        assert.equal(r.headers['cache-control'], 'no-store');
        assert.equal(r.json().error.code, 'not_found');
        const widget = await t.app.inject({ url: '/no-such-page', headers: { accept: 'application/json' } });
        assert.equal(widget.json().error.status, 404);
      });
    } finally {
      await t.close();
    }
  });
}

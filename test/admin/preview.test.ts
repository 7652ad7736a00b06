// Draft previews by link: a link for an article that no longer exists, a made-up, altered or overlong token each
// get the site's own error page, never a draft and never a 500.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp } from '../helpers/context.ts';
import { previewToken } from '../../src/content/preview_links.ts';

test('preview links that open nothing answer 404 or 400 with the site page', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const later = new Date(t.clock.now().getTime() + 3600_000);
    const cases: [string, number][] = [
      [previewToken(t.ctx, 999_999, later), 404], // signed, but no such article (deleted since)
      ['1.1.abc', 404],
      [`${previewToken(t.ctx, 1, later)}x`, 404],
      ['%ZZ', 400],
      ['x'.repeat(121), 400],
    ];
    for (const [token, status] of cases) {
      const res = await t.app.inject({ method: 'GET', url: `/preview/${token}` });
      assert.equal(res.statusCode, status, `${token.slice(0, 40)}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), /^text\/html/, "the site's own page");
      assert.doesNotMatch(res.body, /preview-banner/);
    }
  } finally {
    await t.close();
  }
});

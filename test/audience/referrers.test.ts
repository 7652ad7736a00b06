// The counter's input is what a reader's browser (or a bot) sends: a Referer and a query. Bad ones are classed as
// "direct" or "other", never thrown on, and the referring site kept is a bare host, never a path or a script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyReferrer } from '../../src/audience/referrers.ts';

const known = { own: new Set(['news.example']), partners: new Set(['valley-herald.example']) };

test('hostile and malformed referrers are classed without throwing, keeping only a bare host', () => {
  const cases: [string | undefined, string, string, string][] = [
    ['javascript:alert(1)', '', 'direct', ''],
    ['data:text/html,<script>alert(1)</script>', '', 'direct', ''],
    ['not a url at all', '', 'direct', ''],
    ['https://', '', 'direct', ''],
    [`https://${'a'.repeat(10_000)}.example/`, '', 'other', `${'a'.repeat(10_000)}.example`],
    ['https://WWW.Google.COM:443/search?q=x', '', 'search', 'google.com'],
    ['https://t.me/khabar/123', '', 'telegram', 't.me'],
    ['https://news.example/articles/x', '', 'internal', ''],
    ['https://www.valley-herald.example/story', '', 'partner', 'valley-herald.example'],
    [undefined, 'utm_medium=email&utm_source=%00%ff', 'email', ''],
    [undefined, '%E0%A4%A', 'direct', ''],
    ['https://evil.example/<script>', 'utm_source=' + 'x'.repeat(10_000), 'other', 'evil.example'],
  ];
  for (const [referer, query, group, host] of cases) {
    assert.deepEqual(classifyReferrer(referer, query, known), { group, host }, `${String(referer).slice(0, 60)} ${query.slice(0, 40)}`);
  }
});

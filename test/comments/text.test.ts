import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { CommentBody, CommentItem } from '../../src/site/comments_block.tsx';
import { commentLinks, commentParagraphs } from '../../src/comments/text.ts';
import { bodyHash, findListed, fold, similarity } from '../../src/comments/fold.ts';
import { networkOf, normalizeIp, parseNetwork } from '../../src/comments/network.ts';
import { XSS_PAYLOADS } from './xss_payloads.ts';

const ALLOWED: Record<string, string[]> = {
  div: ['class', 'dir'], p: [], br: [], a: ['href', 'rel', 'class', 'title', 'data-reply-to', 'data-reply-name'], li: ['id', 'class', 'data-depth'],
  article: [], header: [], footer: ['class'], b: ['class', 'dir'], time: ['datetime'], form: ['class', 'method', 'action'], button: ['type'], ol: ['class'],
};

/** Every tag in the output is one the view writes itself, with only its own attributes; links are http(s). */
function assertInert(html: string) {
  // Attribute values are always double-quoted by the renderer and cannot contain a double quote.
  const tags = [...html.matchAll(/<\/?([^\s>/]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)];
  const rebuilt = html.replace(/<\/?([^\s>/]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g, '');
  assert.ok(!rebuilt.includes('<'), `a raw < outside any tag in ${html}`);
  for (const m of tags) {
    const [, tag, attrs] = m;
    assert.ok(tag in ALLOWED, `unexpected tag <${tag}> in ${html}`);
    for (const a of attrs.matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      assert.ok(ALLOWED[tag].includes(a[1]), `unexpected attribute ${a[1]} on <${tag}>`);
      if (a[1] === 'href' && tag === 'a' && !a[2].startsWith('#') && !a[2].startsWith('?')) assert.match(a[2], /^https?:\/\//);
      if (a[1] === 'action') assert.match(a[2], /^\/comments\/\d+\/report$/);
    }
  }
}

function textOf(html: string): string {
  return html.replace(/<br\/?>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

test(`${XSS_PAYLOADS.length} hostile texts render as inert text, every character kept`, () => {
  assert.ok(XSS_PAYLOADS.length >= 100);
  for (const p of XSS_PAYLOADS) {
    const html = render(h(CommentBody, { body: p }));
    assertInert(html);
    assert.equal(textOf(html).replace(/\s+/g, ' ').trim(), p.replace(/\s+/g, ' ').trim(), `text changed for ${p}`);
  }
});

test('hostile names and texts inside a whole comment stay inert', () => {
  for (const p of XSS_PAYLOADS) {
    const html = render(h(CommentItem, { c: { id: 7, parentId: null, depth: 0, name: p, body: p, createdAt: '2026-11-25T09:00:00.000Z', replies: [] }, lang: 'en', dates: { timeZone: 'UTC', calendar: 'gregorian' }, canReply: true }));
    assertInert(html);
  }
});

test('paragraphs and lines are kept, links made clickable with nofollow ugc noopener', () => {
  const html = render(h(CommentBody, { body: 'First line\nsecond line\n\n\nSee https://example.org/a?b=1&c=2 and www.khabar.af.' }));
  assert.equal(html, '<div class="comment-body" dir="auto"><p>First line<br/>second line</p><p>See <a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.org/a?b=1&amp;c=2</a> and <a href="http://www.khabar.af/" rel="nofollow ugc noopener">www.khabar.af</a>.</p></div>');
  assert.deepEqual(commentParagraphs('a\r\n\r\nb').length, 2);
  assert.deepEqual(commentLinks('mail a@b.example, ftp://x.example/y, javascript:alert(1) and https://ok.example').map((u) => u.href), ['https://ok.example/']);
});

test('folding unifies Arabic-script variants and drops ZWNJ, bidi controls and diacritics', () => {
  assert.equal(fold('يك'), fold('یک'));
  assert.equal(fold('می\u200cخواهم'), 'میخواهم');
  assert.equal(fold('\u202Bسلام\u202C'), 'سلام');
  assert.equal(fold('كِتاب'), 'کتاب');
  assert.equal(findListed('این يك تست است', ['یک تست']), 'یک تست');
  assert.equal(findListed('testing', ['test']), null);
  assert.equal(bodyHash('Hello,   WORLD!'), bodyHash('hello world'));
  assert.notEqual(bodyHash('hello world'), bodyHash('hello there'));
  assert.ok(similarity('the floods reached the city last night and many homes', 'the floods reached the city last night and many houses') > 0.7);
  assert.ok(similarity('the floods reached the city', 'elections were held on friday') < 0.1);
});

test('networks: /24 for IPv4, /64 for IPv6, IPv4-mapped addresses unwrapped', () => {
  assert.equal(networkOf('203.0.113.77'), '203.0.113.0/24');
  assert.equal(networkOf('::ffff:203.0.113.77'), '203.0.113.0/24');
  assert.equal(normalizeIp('::ffff:203.0.113.77'), '203.0.113.77');
  assert.equal(networkOf('2001:db8:1:2:3:4:5:6'), '2001:0db8:0001:0002::/64');
  assert.equal(networkOf('2001:db8:1:2::9'), '2001:0db8:0001:0002::/64');
  assert.equal(networkOf('::1'), '0000:0000:0000:0000::/64');
  assert.equal(parseNetwork('2001:db8:1:2::/64'), '2001:0db8:0001:0002::/64');
  assert.equal(parseNetwork('203.0.113.9/24'), '203.0.113.0/24');
  assert.equal(parseNetwork('203.0.113.9/16'), null);
  assert.equal(parseNetwork('not an address'), null);
});

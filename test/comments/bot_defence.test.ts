// The adaptive proof of work: its cost rises with the pressure from an address, a network, an article and the
// site, falls back when the pressure passes, and a proof is refused when missing, made for another form, or spent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { PHONE_HASHES_PER_SECOND, PRESSURE, ProofRefusedError, currentPressure, issueProofChallenge, requireProof, scaledCost, workFactor } from '../../src/comments/bot_defence.ts';
import { cheapSettings, postForm, publishedArticle, solve } from './fixtures.ts';
import { memoryPressure, redisPressure, type PressureStore } from '../../src/comments/pressure.ts';

const hashes = (c: Challenge) => c.parameters.cost * 16 ** c.parameters.keyPrefix.length;

const quiet = { address: 1, network: 1, burst: 1, sent: 0, sentNetwork: 0, target: 1, site: 1 };

test('the work factor: 1 on a quiet day, the square of one sender\'s excess, steep for a burst or a busy sender, gentle and bounded for a crowd', () => {
  assert.equal(workFactor(quiet), 1);
  assert.equal(workFactor({ ...quiet, address: PRESSURE.address.free * 10 }), 100);
  assert.equal(workFactor({ ...quiet, network: PRESSURE.network.free * 4 }), 16);
  assert.equal(workFactor({ ...quiet, burst: PRESSURE.burst.free }), 1, 'a network\'s free challenges a minute cost the base');
  assert.equal(workFactor({ ...quiet, burst: PRESSURE.burst.free + 3 }), PRESSURE.burst.step ** 3, 'each challenge past them costs several times the last');
  assert.equal(workFactor({ ...quiet, sent: PRESSURE.sent.free }), 1, 'a reader who sent a few comments this hour pays the base');
  assert.equal(workFactor({ ...quiet, sent: PRESSURE.sent.free + 4 }), 16, 'each comment past them doubles the cost');
  assert.equal(workFactor({ ...quiet, sentNetwork: PRESSURE.sentNetwork.free + 10 }), 1024);
  assert.equal(workFactor({ ...quiet, target: 1_000, site: 100_000 }), PRESSURE.target.most * PRESSURE.site.most, 'a surge costs readers at most 4 times');
  assert.ok(PRESSURE.target.most * PRESSURE.site.most <= 4);
  assert.equal(workFactor({ address: 1e6, network: 1e6, burst: 1e6, sent: 1e6, sentNetwork: 1e6, target: 1e6, site: 1e6 }), PRESSURE.most);
});

test('a reader under the heaviest crowd waits under 2 seconds at the p95 on the assumed phone; a burst pays orders of magnitude more', () => {
  const base = 40 * 16 ** 2;
  // The counters tried are geometric: the p95 is about 3 times the mean (ln 20).
  const p95 = (factor: number) => (Math.log(20) * base * factor) / PHONE_HASHES_PER_SECOND;
  assert.ok(p95(workFactor({ ...quiet, target: 1e6, site: 1e6 })) < 2, `${p95(4)} s`);
  assert.ok(workFactor({ ...quiet, burst: 20 }) >= 1000 * workFactor({ ...quiet, target: 1e6, site: 1e6 }));
});

test('scaled cost: whole hex digits of prefix, the rest in iterations', () => {
  assert.deepEqual(scaledCost({ powCost: 40, powPrefix: '00' }, 1), { powCost: 40, powPrefix: '00', hashes: 10_240 });
  assert.deepEqual(scaledCost({ powCost: 40, powPrefix: '00' }, 256), { powCost: 40, powPrefix: '0000', hashes: 2_621_440 });
  assert.deepEqual(scaledCost({ powCost: 40, powPrefix: '00' }, 100), { powCost: 250, powPrefix: '000', hashes: 1_024_000 });
});

async function slidingWindow(s: PressureStore, name: string) {
  const k = [{ name, windowMs: 60_000 }];
  for (let i = 0; i < 9; i++) await s.hit(k, 0);
  assert.deepEqual(await s.hit(k, 1000), [10]);
  assert.deepEqual(await s.peek(k, 90_000), [5], 'half of the last window still counts');
  assert.deepEqual(await s.peek(k, 120_001), [0]);
}

test('the memory store counts over a sliding window and forgets', () => slidingWindow(memoryPressure(), 'address:x'));

test('the Redis store, shared by every instance, counts the same way', { skip: !process.env.TEST_REDIS_URL && 'TEST_REDIS_URL is not set' }, async () => {
  const prefix = `khabar-test-${process.pid}-${Date.now()}`;
  const a = redisPressure(process.env.TEST_REDIS_URL!, prefix);
  const b = redisPressure(process.env.TEST_REDIS_URL!, prefix);
  try {
    await slidingWindow(a, 'address:y');
    const k = [{ name: 'site', windowMs: 60_000 }];
    await a.hit(k, 5000);
    assert.deepEqual(await b.hit(k, 5000), [2], 'a second instance sees the first one\'s count');
  } finally {
    await a.close();
    await b.close();
  }
});

for (const dialect of testDialects()) {
  test(`[${dialect}] a flood from one address pays orders of magnitude more, a reader elsewhere the base, and it falls back (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const ask = async (ip: string, article = '7') => (await t.app.inject({ url: `/comments/challenge?article=${article}`, remoteAddress: ip })).json() as Challenge;
      const first = await ask('203.0.113.5');
      assert.equal(hashes(first), 10_240);
      assert.ok(first.parameters.data && typeof first.parameters.data.ms === 'number' && first.parameters.data.ms < 2000, 'a quiet day: well under 2 s on a phone');
      let last = first;
      for (let i = 0; i < 40; i++) last = await ask('203.0.113.5');
      assert.ok(hashes(last) >= 32 * hashes(first), `${hashes(last)} after 41 asks`);
      // Another address on the same network pays for its network's flood too.
      assert.ok(hashes(await ask('203.0.113.99')) >= 4 * hashes(first));
      // A reader on another network, on another article, pays the base.
      assert.equal(hashes(await ask('198.51.100.7', '8')), 10_240);
      // Twenty minutes later the address is quiet again.
      t.clock.advance(20 * 60_000);
      assert.equal(hashes(await ask('203.0.113.5')), 10_240);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] a sender's recent history: each comment past the free ones this hour makes its next proofs dearer, and it falls back (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      await cheapSettings(t.ctx, { powAdaptive: true });
      const articleId = String(await publishedArticle(t.ctx));
      const ip = '192.0.2.9';
      const ask = async () => (await t.app.inject({ url: `/comments/challenge?article=${articleId}`, remoteAddress: ip })).json() as Challenge;
      const base = hashes(await ask());
      for (let i = 0; i < 12; i++) {
        t.clock.advance(60_000);
        const res = await postForm(t.app, { article_id: articleId, comment: `Comment ${i} on the floods`, name: 'Keen', altcha: await solve(await ask()) }, { 'x-test-ip': ip });
        assert.equal(res.statusCode, 200, res.body);
      }
      t.clock.advance(60_000);
      const ctxHistory = await currentPressure(t.ctx, { purpose: 'comment', ip, target: `article:${articleId}` });
      assert.equal(ctxHistory.sent, 12);
      assert.ok(hashes(await ask()) >= 8 * base, 'twelve comments within minutes cost the next one at least 8 times the base');
      // A reader elsewhere on the same network who sent nothing pays the base.
      assert.equal(hashes((await t.app.inject({ url: `/comments/challenge?article=${articleId}`, remoteAddress: '192.0.2.200' })).json() as Challenge), base);
      t.clock.advance(3 * 3600_000);
      assert.equal(hashes(await ask()), base, 'three hours later the history has passed');
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] the reader is told how long the check takes, in the page's language: the base on a quiet day, longer under a flood (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const notes = async (articleId: number) => {
        const { slug } = await t.ctx.db.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow();
        const html = (await t.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
        const note = /<p class="comment-pow-note"[^>]*>/.exec(html)?.[0] ?? '';
        return { wait: /data-pow-wait="([^"]*)"/.exec(note)?.[1], busy: /data-pow-busy="([^"]*)"/.exec(note)?.[1] };
      };
      const en = await notes(await publishedArticle(t.ctx));
      assert.equal(en.wait, 'Checking that you are not a bot: about {seconds} s on a phone.', 'one or two: "s" reads right for both');
      assert.match(en.busy ?? '', /^Many comments are arriving.*\{seconds\}/);
      for (const language of ['fa', 'ps']) {
        const other = await notes(await publishedArticle(t.ctx, { language, headline: `Story ${language}` }));
        assert.match(other.wait ?? '', /[\u0600-\u06FF].*\{seconds\}/, `${language}: ${other.wait}`);
        assert.notEqual(other.busy, en.busy);
      }
      // The challenge says how long it takes on the assumed phone: under 2 s on a quiet day (the form says "about N
      // seconds"), more under a flood (the form says that many comments are arriving).
      const ms = async (ip: string) => Number(((await t.app.inject({ url: '/comments/challenge?article=1', remoteAddress: ip })).json() as Challenge).parameters.data?.ms);
      assert.ok((await ms('198.51.100.20')) < 2000);
      let flooded = 0;
      for (let i = 0; i < 12; i++) flooded = await ms('203.0.113.40');
      assert.ok(flooded > 2000, `${flooded} ms`);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] requireProof: a newsletter signup without a valid, unspent proof made for it is refused (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const cost = { powCost: 1, powPrefix: '0', challengeTtlSeconds: 600, powAdaptive: true };
      const asker = { purpose: 'newsletter' as const, ip: '192.0.2.1', target: 'list:weekly' };
      const solved = async (c: Challenge) => {
        const solution = await solveChallenge({ challenge: c, deriveKey });
        return Buffer.from(JSON.stringify({ challenge: c, solution })).toString('base64');
      };
      await assert.rejects(requireProof(t.ctx, undefined, asker), (e) => e instanceof ProofRefusedError && e.reason === 'missing' && e.status === 403);
      const forComments = await solved(await issueProofChallenge(t.ctx, cost, { ...asker, purpose: 'comment' }));
      await assert.rejects(requireProof(t.ctx, forComments, asker), (e) => e instanceof ProofRefusedError && e.reason === 'invalid');
      const good = await solved(await issueProofChallenge(t.ctx, cost, asker));
      await requireProof(t.ctx, good, asker);
      await assert.rejects(requireProof(t.ctx, good, asker), (e) => e instanceof ProofRefusedError && e.reason === 'spent');
      t.clock.advance(601_000);
      const late = await solved(await issueProofChallenge(t.ctx, cost, asker));
      t.clock.advance(601_000);
      await assert.rejects(requireProof(t.ctx, late, asker), (e) => e instanceof ProofRefusedError && e.reason === 'expired');
    } finally {
      await t.close();
    }
  });
}

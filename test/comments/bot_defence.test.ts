// The adaptive proof of work: its cost rises with the pressure from an address, a network, an article and the
// site, falls back when the pressure passes, and a proof is refused when missing, made for another form, or spent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { PRESSURE, ProofRefusedError, issueProofChallenge, requireProof, scaledCost, workFactor } from '../../src/comments/bot_defence.ts';
import { memoryPressure, redisPressure, type PressureStore } from '../../src/comments/pressure.ts';

const hashes = (c: Challenge) => c.parameters.cost * 16 ** c.parameters.keyPrefix.length;

test('the work factor: 1 on a quiet day, the square of one sender\'s excess, gentle and bounded for a crowd', () => {
  assert.equal(workFactor({ address: 1, network: 1, target: 1, site: 1 }), 1);
  assert.equal(workFactor({ address: PRESSURE.address.free * 10, network: 1, target: 1, site: 1 }), 100);
  assert.equal(workFactor({ address: 1, network: PRESSURE.network.free * 4, target: 1, site: 1 }), 16);
  assert.equal(workFactor({ address: 1, network: 1, target: 1_000, site: 100_000 }), PRESSURE.target.most * PRESSURE.site.most, 'a surge costs readers at most 6 times');
  assert.equal(workFactor({ address: 1e6, network: 1e6, target: 1e6, site: 1e6 }), PRESSURE.most);
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

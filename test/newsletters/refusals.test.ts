// Sign-ups that must create no reader and send nothing: 200 bots (no proof of work, or one already spent), and bad
// input (a line break in the address, a 10 KB address, letters that only look Latin, a list that is not ours),
// each answered with a message that says what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge } from 'altcha-lib';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { checkProof } from '../../src/newsletters/bot_defence.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { runSends } from '../../src/newsletters/sending.ts';
import { cheapSettings, solve } from '../comments/fixtures.ts';
import { startMailSink, useSink } from './mail_sink.ts';

const ORIGIN = { origin: 'http://localhost:80' };

function post(t: TestApp, fields: Record<string, string>, ip: string, json = false) {
  return t.app.inject({
    method: 'POST', url: '/newsletters', remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN, ...(json ? { accept: 'application/json' } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

async function proof(t: TestApp): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/comments/challenge' });
  return solve(res.json() as Challenge);
}

async function readers(t: TestApp): Promise<number> {
  const { n } = await t.ctx.db.selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

for (const dialect of testDialects()) {
  test(`200 bot sign-ups create no reader and send nothing (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      await useSink(t.ctx, sink);
      await cheapSettings(t.ctx);
      const list = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const spent = await proof(t);
      assert.equal((await checkProof(t.ctx, spent, 0)).state, 'ok', 'the proof was good once');
      const statuses = new Map<number, number>();
      for (let i = 0; i < 200; i++) {
        const fields: Record<string, string> = { email: `bot${i}@example.org`, [`list-${list.id}`]: 'on', lang: 'en' };
        if (i % 2) fields.altcha = spent;
        const res = await post(t, fields, `198.${18 + (i % 2)}.${i}.7`, true);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (i % 2) {
          assert.equal(res.statusCode, 403, res.body);
          assert.match(res.json().message, /Verification failed/);
        } else {
          assert.equal(res.json().status, 'step', 'no proof: only the extra step, nothing stored');
        }
      }
      // a bot that fills in the honeypot is answered as if it worked
      const honey = await post(t, { email: 'honey@example.org', [`list-${list.id}`]: 'on', altcha: await proof(t), website: 'http://spam.example' }, '192.0.2.50', true);
      assert.equal(honey.json().status, 'check_inbox');
      await runSends(t.ctx);
      assert.equal(await readers(t), 0);
      assert.equal(sink.kept.length, 0, 'no letter went out');
      // the same limits as comments: one address tried again and again is refused
      let limited = 0;
      for (let i = 0; i < 40; i++) if ((await post(t, { email: `x${i}@example.org`, [`list-${list.id}`]: 'on' }, '192.0.2.99', true)).statusCode === 429) limited++;
      assert.ok(limited > 0, 'a flood from one address meets the rate limit');
      // and a real reader with a fresh proof gets through (the defence is not simply closed)
      const real = await post(t, { email: 'person@example.org', [`list-${list.id}`]: 'on', altcha: await proof(t) }, '192.0.2.200', true);
      assert.equal(real.json().status, 'check_inbox', real.body);
      await sink.waitFor(1);
      assert.deepEqual(sink.kept.map((k) => k.to[0]), ['person@example.org']);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });

  test(`bad input gets a clear message and sends nothing (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      await useSink(t.ctx, sink);
      await cheapSettings(t.ctx);
      const list = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const hidden = await createList(t.ctx, { slug: 'partners', language: 'en', names: { en: 'Partners' }, public: false });
      const cases: [Record<string, string>, number, RegExp][] = [
        [{ email: 'reader@example.org\r\nBcc: all@example.org', [`list-${list.id}`]: 'on' }, 400, /one line/],
        [{ email: `${'a'.repeat(10 * 1024)}@example.org`, [`list-${list.id}`]: 'on' }, 400, /too long/],
        [{ email: 'reader@gmаil.com', [`list-${list.id}`]: 'on' }, 400, /Latin letters/],
        [{ email: 'rеader@example.org', [`list-${list.id}`]: 'on' }, 400, /Latin letters/],
        [{ email: 'not-an-address', [`list-${list.id}`]: 'on' }, 400, /such as name@example\.com/],
        [{ email: 'reader@example.org', 'list-987654': 'on' }, 400, /no such newsletter/],
        [{ email: 'reader@example.org', [`list-${hidden.id}`]: 'on' }, 400, /no such newsletter/],
        [{ email: 'reader@example.org', lists: '1;DROP' }, 400, /no such newsletter/],
        [{ email: 'reader@example.org' }, 400, /at least one newsletter/],
      ];
      let ip = 1;
      for (const [fields, status, message] of cases) {
        const res = await post(t, { ...fields, altcha: await proof(t) }, `203.0.${ip++}.1`, true);
        assert.equal(res.statusCode, status, `${JSON.stringify(fields).slice(0, 80)}: ${res.body}`);
        assert.match(res.json().message, message);
        // the same refusal without JavaScript: the form again, the message above it, in the page's language
        const page = await post(t, { ...fields, lang: 'fa' }, `203.0.${ip++}.1`);
        assert.equal(page.statusCode, status);
        assert.match(page.body, /<html lang="fa"/);
        assert.match(page.body, /role="alert"/);
      }
      await runSends(t.ctx);
      assert.equal(await readers(t), 0);
      assert.equal(sink.kept.length, 0);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });
}

// A send to 2,000 readers through a real SMTP server on the loopback; the sending process is killed with SIGKILL
// halfway and a new one started (its clock a claim's length later, as a restart after a crash finds it): every
// reader gets exactly one letter. bench/newsletter.ts does the same with 100,000 readers and a kill at any moment.
//
// Where the kill lands: once half the letters are in, the server holds its answer to each letter's end, so the
// sending process is left waiting on the relay, with letters recorded and handed over, letters claimed but not
// yet sent, and the rest queued; it is killed when no letter is part-way through its DATA (the few instructions
// between recording a letter and writing its final "." are the one moment no relay protocol can make safe; the
// bench, which kills at any moment, counts how often it is hit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { makeTestContext, testDialects, type TestContext } from '../helpers/context.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { CLAIM_MS, createSend, sendFigures, startSend } from '../../src/newsletters/sending.ts';
import { publishedArticle } from '../comments/fixtures.ts';
import { useSink, type MailSink } from './mail_sink.ts';

const READERS = 2000;
const CHILD = fileURLToPath(new URL('./send_process.ts', import.meta.url));

/** An SMTP server counting letters per recipient; from `hold()` on it keeps its answer to each letter's end. */
async function holdingSink() {
  const counts = new Map<string, number>();
  let kept = 0;
  let holding = false;
  let inData = 0;
  const held: (() => void)[] = [];
  const watchers = new Set<() => void>();
  const changed = () => { for (const w of [...watchers]) w(); };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, maxClients: 50,
    onData(stream, session, cb) {
      inData++;
      stream.on('data', () => {});
      stream.on('end', () => {
        inData--;
        for (const r of session.envelope.rcptTo) counts.set(r.address, (counts.get(r.address) ?? 0) + 1);
        kept++;
        if (holding) held.push(() => cb()); else cb();
        changed();
      });
    },
    onClose() { changed(); },
  });
  // the killed sender's connections end with a reset: not the server's failure
  server.on('error', () => {});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.server.address() as { port: number }).port,
    counts,
    get kept() { return kept; },
    /** resolves once `test` holds, checked whenever a letter starts or ends */
    until(check: () => boolean): Promise<void> {
      return new Promise((resolve) => {
        const w = () => { if (check()) { watchers.delete(w); resolve(); } };
        watchers.add(w);
        w();
      });
    },
    hold() { holding = true; },
    /** no letter is between its DATA and its final "." */
    quiet: () => inData === 0,
    heldCount: () => held.length,
    release() { holding = false; for (const cb of held.splice(0)) cb(); },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function sender(t: TestContext, at: Date): { proc: ChildProcess; exited: Promise<number | null> } {
  const proc = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SEND_DIR: t.dir, SEND_DATABASE_URL: t.databaseUrl, SEND_SCHEMA: t.schema ?? '', SEND_CLOCK: at.toISOString() },
  });
  return { proc, exited: new Promise((r) => proc.once('exit', (code) => r(code))) };
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a send killed with SIGKILL halfway and restarted gives each of ${READERS} readers exactly one letter`, async () => {
    const t = await makeTestContext(dialect);
    const sink = await holdingSink();
    try {
      await useSink(t.ctx, { port: sink.port } as MailSink, { connections: 4 });
      const list = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
      const now = t.clock.now().toISOString();
      for (let start = 0; start < READERS; start += 500) {
        const rows = Array.from({ length: 500 }, (_, i) => ({ email: `reader${start + i}@example.org`, name: '', language: 'en', source: 'import:csv', created_at: now }));
        const made = await t.ctx.db.insertInto('newsletter_subscribers').values(rows).returning('id').execute();
        await t.ctx.db.insertInto('newsletter_subscriptions').values(made.map((m) => ({ subscriber_id: m.id, list_id: list.id, status: 'subscribed' as const, consent_at: now, consent_ip: '', confirmed_at: now, unsubscribed_at: null }))).execute();
      }
      const sendId = await createSend(t.ctx, { listId: list.id, kind: 'story', articleIds: [await publishedArticle(t.ctx)] }, null);
      assert.equal((await startSend(t.ctx, sendId)).recipients, READERS);

      const first = sender(t, t.clock.now());
      await sink.until(() => sink.kept >= READERS / 2);
      sink.hold();
      await sink.until(() => sink.heldCount() > 0 && sink.quiet());
      first.proc.kill('SIGKILL');
      assert.equal(await first.exited, null, 'the first sender was killed, not finished');
      sink.release();
      const atKill = sink.kept;
      assert.ok(atKill >= READERS / 2 && atKill < READERS, `killed halfway (${atKill} letters in)`);
      const log = await t.ctx.db.selectFrom('newsletter_send_log').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('send_id', '=', sendId).groupBy('status').execute();
      const by = Object.fromEntries(log.map((l) => [l.status, Number(l.n)]));
      assert.equal(by.sent, atKill, 'every letter the relay has is recorded as sent, and no other');
      assert.ok((by.claimed ?? 0) > 0, 'some letters were claimed and not sent when it died');

      // the restart: the dead process's claims have run out by its clock
      t.clock.advance(CLAIM_MS + 1000);
      const second = sender(t, t.clock.now());
      assert.equal(await second.exited, 0);
      const twice = [...sink.counts].filter(([, n]) => n > 1).map(([e]) => e);
      const none = Array.from({ length: READERS }, (_, i) => `reader${i}@example.org`).filter((e) => !sink.counts.has(e));
      assert.deepEqual([twice.slice(0, 5), none.slice(0, 5)], [[], []], `${twice.length} readers got two letters, ${none.length} none`);
      assert.equal(sink.kept, READERS);
      const figures = await sendFigures(t.ctx, sendId);
      assert.deepEqual([figures.status, figures.sent, figures.left, figures.failed], ['sent', READERS, 0, 0]);
    } finally {
      await sink.close();
      await t.close();
    }
  });
}

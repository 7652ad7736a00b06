// A live entry posted through one instance reaches the readers of every instance: the entry's purge travels through
// Redis like every page-cache purge, so the other instance's copy of the story's entries (what open pages poll)
// goes, and its next answer carries the entry under a new ETag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { makeTestApp } from '../helpers/context.ts';
import { createRuntime } from '../../src/runtime.ts';
import { buildApp } from '../../src/app.ts';
import { CHEAP_PASSWORD_COST } from '../../src/auth/passwords.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { startCoverage } from '../../src/live/coverage.ts';
import { postEntry } from '../../src/live/entries.ts';

const enabled = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL;

test('an entry posted through one instance purges the live story on the other', { skip: enabled ? false : 'needs TEST_DATABASE_URL and TEST_REDIS_URL' }, async () => {
  const a = await makeTestApp('postgres', { redisUrl: process.env.TEST_REDIS_URL!, redisPrefix: `t-${randomBytes(5).toString('hex')}`, publicUrl: 'http://localhost:80' });
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(a.ctx.db)).rows[0].s;
  const second = await createRuntime(a.ctx.config, { clock: a.clock, dbOptions: { schema }, passwordCost: CHEAP_PASSWORD_COST });
  const b = await buildApp(second.ctx);
  await b.ready();
  try {
    const khabar = { userId: null };
    const id = await createArticle(a.ctx, { headline: 'Quake felt in Kabul', bodyHtml: '<p>Buildings shook.</p>' }, khabar);
    await publishArticle(a.ctx, id, khabar);
    await startCoverage(a.ctx, khabar, id);
    const url = '/articles/quake-felt-in-kabul/live';
    const first = await b.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 200);
    assert.equal((await b.inject({ method: 'GET', url })).headers['x-khabar-cache'], 'hit', 'B keeps the entries');
    assert.equal((await b.inject({ method: 'GET', url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode, 304);
    const purgesBefore = b.pageCache.purges;
    await postEntry(a.ctx, khabar, id, { text: 'A second tremor at 10:12.' });
    // Redis carries the purge to B: waited for, not timed.
    while (b.pageCache.purges === purgesBefore) await new Promise((r) => setTimeout(r, 5));
    const after = await b.inject({ method: 'GET', url, headers: { 'if-none-match': first.headers.etag as string } });
    assert.equal(after.statusCode, 200, 'the old ETag no longer matches on B');
    assert.match(after.body, /A second tremor at 10:12\./);
  } finally {
    await b.close();
    await second.close();
    await a.close();
  }
});

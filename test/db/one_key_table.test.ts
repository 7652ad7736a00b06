// Migration 0031 moves the aggregators' keys into the one key table with their kind: on each database, keys made
// before it (Content API keys and aggregators with usage, their ids overlapping) all keep working after it, each
// aggregator keeps its name, licence and pulls, and the way back restores the two tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { makeTestContext, testDialects } from '../helpers/context.ts';
import * as m0031 from '../../src/db/migrations/0031_one_key_table.ts';
import { checkApiKey, hashKey, issueKey, listApiKeys } from '../../src/auth/api_keys.ts';
import { aggregatorByKey, getAggregator, listAggregators } from '../../src/syndication/aggregators.ts';

// Before 0031 the database has an aggregators table the current types no longer name.
// biome-ignore lint/suspicious/noExplicitAny: rows of tables in the state before and after 0031, written by hand here
type Old = Kysely<any>;

for (const dialect of testDialects()) {
  test(`[${dialect}] 0031: Content API keys and aggregators' keys in one table, every key still working`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const db = ctx.db as unknown as Old;
      await m0031.down(db);
      const now = ctx.clock.now().toISOString();
      const day = now.slice(0, 10);
      const content = [issueKey('content'), issueKey('content')];
      for (const [i, k] of content.entries()) {
        await db.insertInto('api_keys').values({ name: `App ${i + 1}`, prefix: k.prefix, key_hash: k.hash, created_by: null, created_at: now, last_used_at: null, revoked_at: i === 1 ? now : null }).execute();
      }
      const agg = [issueKey('aggregator'), issueKey('aggregator')];
      const ids: number[] = [];
      for (const [i, k] of agg.entries()) {
        const { id } = await db.insertInto('aggregators').values({ name: `Aggregator ${i + 1}`, licence: `Licence ${i + 1}`, prefix: k.prefix, key_hash: k.hash, created_by: null, created_at: now, last_used_at: null, revoked_at: null })
          .returning('id').executeTakeFirstOrThrow();
        ids.push(id);
        await db.insertInto('aggregator_usage').values({ aggregator_id: id, day, requests: 10 * (i + 1), items: 100 * (i + 1) }).execute();
      }
      assert.deepEqual(ids, [1, 2], 'the aggregators\' ids are the Content API keys\' ids too');

      await m0031.up(db);
      const kinds = await db.selectFrom('api_keys').select(['id', 'kind', 'name', 'licence', 'key_hash']).orderBy('id').execute();
      assert.deepEqual(kinds.map((k) => [k.kind, k.name, k.licence]), [['content', 'App 1', ''], ['content', 'App 2', ''], ['aggregator', 'Aggregator 1', 'Licence 1'], ['aggregator', 'Aggregator 2', 'Licence 2']]);
      assert.deepEqual(kinds.map((k) => k.key_hash), [...content, ...agg].map((k) => k.hash));

      assert.equal(await checkApiKey(ctx, content[0].key), true, 'a Content API key still opens the API');
      assert.equal(await checkApiKey(ctx, content[1].key), false, 'a revoked one stays revoked');
      assert.equal(await checkApiKey(ctx, agg[0].key), false, 'an aggregator\'s key does not open the Content API');
      assert.deepEqual((await listApiKeys(ctx.db)).map((k) => k.name), ['App 2', 'App 1'], 'the Content API list holds only its keys');

      const pullers = await Promise.all(agg.map((k) => aggregatorByKey(ctx, k.key)));
      assert.deepEqual(pullers.map((p) => [p?.name, p?.licence]), [['Aggregator 1', 'Licence 1'], ['Aggregator 2', 'Licence 2']]);
      assert.equal(await aggregatorByKey(ctx, content[0].key), null, 'a Content API key is no aggregator\'s');
      for (const [i, p] of pullers.entries()) {
        const { usage } = await getAggregator(ctx, p!.id);
        assert.deepEqual(usage, [{ day, requests: 10 * (i + 1), items: 100 * (i + 1) }], 'the pulls moved with the aggregator');
      }
      assert.deepEqual((await listAggregators(ctx)).map((a) => [a.name, a.last30Days.requests]), [['Aggregator 2', 20], ['Aggregator 1', 10]]);
      assert.ok(!kinds.some((k) => k.key_hash === hashKey('nothing')));

      // And back: two tables again, the aggregators' pulls with them.
      await m0031.down(db);
      const back = await db.selectFrom('aggregators').select(['id', 'name', 'key_hash']).orderBy('id').execute();
      assert.deepEqual(back.map((a) => a.key_hash), agg.map((k) => k.hash));
      const usage = await db.selectFrom('aggregator_usage').select(['aggregator_id', 'requests']).orderBy('requests').execute();
      assert.deepEqual(usage.map((u) => [u.aggregator_id, u.requests]), back.map((a, i) => [a.id, 10 * (i + 1)]));
      assert.equal((await db.selectFrom('api_keys').select('id').execute()).length, 2);
      await m0031.up(db);
    } finally {
      await t.close();
    }
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';

for (const dialect of testDialects()) {
  test(`migrations create the content model and values round-trip the same (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { db } = t.ctx;
      const now = t.clock.now().toISOString();
      const text = 'کابل — «خبر» ZWNJ‌here, emoji 📰, quote \' and "';
      const { id } = await db.insertInto('sections').values({ slug: 'x', name: text, description: '', position: 1, parent_id: null, created_at: now })
        .returning('id').executeTakeFirstOrThrow();
      assert.equal(typeof id, 'number');
      const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.name, text);
      assert.equal(row.created_at, now);
      const n = await db.selectFrom('sections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 1);
      await assert.rejects(db.insertInto('sections').values({ slug: 'x', name: 'dup', description: '', position: 2, parent_id: null, created_at: now }).execute());
    } finally {
      await t.close();
    }
  });
}

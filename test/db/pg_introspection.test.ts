// Migrating on a shared PostgreSQL server is not disturbed by other schemas coming and going.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const url = process.env.TEST_DATABASE_URL;

test('migrations run while another schema is being dropped, and introspection sees only our schema', { skip: !url && 'TEST_DATABASE_URL not set' }, async () => {
  const ours = `t_${randomBytes(6).toString('hex')}`;
  const other = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  const dropper = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropper.connect();
  await admin.query(`create schema ${ours}; create schema ${other}; create table ${other}.notes (id serial primary key, body text)`);
  const { db, close } = openDatabase(url!, { schema: ours });
  try {
    // Another connection drops its schema and has not committed yet: a catalog reader that looks the other
    // schema's tables up by name waits for that transaction and then fails; ours never touches them.
    await dropper.query(`begin; drop schema ${other} cascade`);
    const applied = await migrateToLatest(db, { schema: ours });
    assert.ok(applied.length >= 4, `applied ${applied.join(', ')}`);
    await dropper.query('commit');
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    assert.ok(tables.length > 0);
    assert.deepEqual([...new Set(tables.map((t) => t.schema))], [ours]);
    const articles = tables.find((t) => t.name === 'articles');
    assert.ok(articles?.columns.some((c) => c.name === 'headline' && !c.isNullable));
    assert.deepEqual(await migrateToLatest(db, { schema: ours }), [], 'a second run has nothing to do');
  } finally {
    await dropper.query('rollback').catch(() => {});
    await close();
    await admin.query(`drop schema if exists ${ours} cascade; drop schema if exists ${other} cascade`);
    await admin.end();
    await dropper.end();
  }
});

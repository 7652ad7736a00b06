// Sign-in throttling counts attempts, not failures, and counts each one in a single statement before the
// password or code is checked (src/auth/throttle.ts). Times are whole milliseconds (bigint) rather than ISO
// text, because that statement works out the next wait itself and neither database adds to text portably.
// The old failure counts are dropped: they only ever held back guessers for an hour.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').ifExists().execute();
  await db.schema.createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .addColumn('next_wait_ms', 'bigint', (c) => c.notNull())
    .addColumn('empty_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auth_throttle').ifExists().execute();
  await db.schema.createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

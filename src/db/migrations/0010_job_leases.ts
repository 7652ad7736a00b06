// The job runner's leases (src/jobs/leases.ts): each due run of a job happens on one instance, and a run whose
// instance died is taken over once its lease ends.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lease_until', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_due_at', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_finished_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_leases').ifExists().execute();
}

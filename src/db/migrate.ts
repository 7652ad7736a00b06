// Runs the one set of migrations (src/db/migrations) on whichever database is open.
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './schema.ts';
import * as m0001 from './migrations/0001_content.ts';
import * as m0002 from './migrations/0002_accounts.ts';
import * as m0003 from './migrations/0003_comments.ts';
import * as m0004 from './migrations/0004_api_keys.ts';
import * as m0005 from './migrations/0005_attempt_counts.ts';
import * as m0006 from './migrations/0006_search.ts';
import * as m0009 from './migrations/0009_imports.ts';
import * as m0010 from './migrations/0010_job_leases.ts';
import * as m0012 from './migrations/0012_media_placeholder.ts';
import * as m0007 from './migrations/0007_search_speed.ts';
import * as m0008 from './migrations/0008_syndication.ts';
import * as m0011 from './migrations/0011_translations.ts';
import * as m0013 from './migrations/0013_article_seo.ts';
import * as m0015 from './migrations/0015_aggregators.ts';
import * as m0018 from './migrations/0018_creative_language.ts';
import * as m0020 from './migrations/0020_search_narrow_rows.ts';
import * as m0021 from './migrations/0021_working_copies.ts';
import * as m0022 from './migrations/0022_article_reviews.ts';
import * as m0023 from './migrations/0023_fronts.ts';
import * as m0024 from './migrations/0024_people_names.ts';
import * as m0026 from './migrations/0026_newsletters.ts';
import * as m0028 from './migrations/0028_audience.ts';
import * as m0029 from './migrations/0029_live.ts';
import * as m0030 from './migrations/0030_channels.ts';
import * as m0031 from './migrations/0031_one_key_table.ts';
import * as m0032 from './migrations/0032_staff_language.ts';
import * as m0034 from './migrations/0034_mirrors.ts';

const migrations: Record<string, Migration> = {
  '0001_content': m0001,
  '0002_accounts': m0002,
  '0003_comments': m0003,
  '0004_api_keys': m0004,
  '0005_attempt_counts': m0005,
  '0006_search': m0006,
  '0009_imports': m0009,
  '0010_job_leases': m0010,
  '0012_media_placeholder': m0012,
  '0007_search_speed': m0007,
  '0008_syndication': m0008,
  '0011_translations': m0011,
  '0013_article_seo': m0013,
  '0015_aggregators': m0015,
  '0018_creative_language': m0018,
  '0020_search_narrow_rows': m0020,
  '0021_working_copies': m0021,
  '0022_article_reviews': m0022,
  '0023_fronts': m0023,
  '0024_people_names': m0024,
  '0026_newsletters': m0026,
  '0028_audience': m0028,
  '0029_live': m0029,
  '0030_channels': m0030,
  '0031_one_key_table': m0031,
  '0032_staff_language': m0032,
  '0034_mirrors': m0034,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, opts: { schema?: string } = {}): Promise<string[]> {
  if (await upToDate(db, opts.schema)) return [];
  // With a PostgreSQL schema of its own (tests), the bookkeeping tables must live there too.
  // Kysely's migrator takes a lock of its own (a PostgreSQL advisory lock around the run): instances started
  // together on one database apply each migration once and the others wait. Migrations are numbered per branch of
  // work and may land out of order, so an older number arriving after a newer one still runs.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database records exactly the migrations above: one small read, where Kysely's migrator first
 * reads the structure of every table (a tenth of a restart). Anything else goes through the migrator. */
async function upToDate(db: Db, schema?: string): Promise<boolean> {
  try {
    const table = sql.table(schema ? `${schema}.kysely_migration` : 'kysely_migration');
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const known = Object.keys(migrations);
    return rows.length === known.length && rows.every((r) => known.includes(r.name));
  } catch {
    return false;
  }
}

// One import run: each item written in its own transaction (a failing item leaves nothing behind and the run goes
// on), the import map consulted so a second run adds nothing, counts and warnings gathered for the final report.
// A dry run does the same work inside one transaction that is rolled back at the end.
import type { ControlledTransaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database, Db } from '../db/schema.ts';

/** Fetches remote media bytes with the syndication fetcher's safety rules (src/syndication/fetcher.ts). */
export type FetchMedia = (url: string) => Promise<Buffer>;

export interface ImportOptions {
  /** report what would happen; write nothing */
  dryRun?: boolean;
  /** a copy of wp-content/uploads (WordPress) or the images folder (Ghost) */
  uploadsDir?: string;
  /** without one, remote media is reported as a warning per item */
  fetchMedia?: FetchMedia;
  /** keep spam and trashed comments (never shown) instead of dropping them */
  keepSpam?: boolean;
  /** WordPress: the site's permalink structure (e.g. /%category%/%postname%/), its old addresses kept too */
  permalinks?: string;
  /** called now and then with how far the run is (bytes read of all the files) */
  progress?: (done: number, total: number) => void;
}

export type Outcome = 'added' | 'unchanged' | 'skipped';

export interface ImportReport {
  dryRun: boolean;
  counts: Record<string, Record<Outcome, number>>;
  warnings: string[];
  /** a problem that stopped reading a file (malformed, not an export) */
  errors: string[];
}

export class ImportRun {
  readonly report: ImportReport;
  /** reads and writes go here: the database, or the dry run's transaction */
  q: Db;
  private dry: ControlledTransaction<Database> | null;
  private known = new Map<string, number>();
  /** map entries of the item being written: forgotten again if its transaction is undone */
  private fresh: string[] = [];
  /** articles to touch after the run (search index, caches) */
  readonly changedArticles: { articleId: number; slug: string }[] = [];

  private constructor(readonly ctx: AppContext, public source: string, readonly opts: ImportOptions, dry: ControlledTransaction<Database> | null) {
    this.q = dry ?? ctx.db;
    this.dry = dry;
    this.report = { dryRun: !!dry, counts: {}, warnings: [], errors: [] };
  }

  static async start(ctx: AppContext, source: string, opts: ImportOptions): Promise<ImportRun> {
    const dry = opts.dryRun ? await ctx.db.startTransaction().execute() : null;
    return new ImportRun(ctx, source, opts, dry);
  }

  /** Runs one item's writes in a transaction of its own; a failure is reported against `label` and undone. */
  async item<T>(kind: string, label: string, write: (trx: Db) => Promise<T>): Promise<T | undefined> {
    this.fresh = [];
    this.pendingMap = [];
    try {
      if (!this.dry) return await this.ctx.db.transaction().execute((trx) => write(trx));
      const sp = await this.dry.savepoint('item').execute();
      try {
        const out = await write(sp);
        await sp.releaseSavepoint('item').execute();
        return out;
      } catch (err) {
        await sp.rollbackToSavepoint('item').execute();
        throw err;
      }
    } catch (err) {
      for (const key of this.fresh) this.known.delete(key);
      this.warn(label, `not imported: ${(err as Error).message}`);
      this.count(kind, 'skipped');
      return undefined;
    }
  }

  warn(label: string, message: string): void {
    // Bounded: a broken 50,000-post export must not fill the memory with its complaints.
    if (this.report.warnings.length < 10_000) this.report.warnings.push(`${label}: ${message}`);
    else if (this.report.warnings.length === 10_000) this.report.warnings.push('... more warnings left out');
  }

  count(kind: string, outcome: Outcome): void {
    const c = (this.report.counts[kind] ??= { added: 0, unchanged: 0, skipped: 0 });
    c[outcome]++;
  }

  /** The row an earlier item became, or null. */
  async mapped(kind: string, oldId: string, q: Db = this.q): Promise<number | null> {
    const key = `${kind}\u0000${oldId}`;
    const hit = this.known.get(key);
    if (hit !== undefined) return hit;
    const row = await q.selectFrom('import_map').select('new_id').where('source', '=', this.source).where('kind', '=', kind)
      .where('old_id', '=', oldId).executeTakeFirst();
    if (row && kind !== 'post' && kind !== 'comment') this.known.set(key, row.new_id);
    return row?.new_id ?? null;
  }

  private pendingMap: { source: string; kind: string; old_id: string; new_id: number; created_at: string }[] = [];

  /** Records that `oldId` became `newId` (inside the item's transaction). With `batch`, the row waits for flushMap. */
  async remember(trx: Db, kind: string, oldId: string, newId: number, batch = 0): Promise<void> {
    const row = { source: this.source, kind, old_id: oldId, new_id: newId, created_at: this.ctx.clock.now().toISOString() };
    if (batch) {
      this.pendingMap.push(row);
      if (this.pendingMap.length >= 500) await this.flushMap(trx);
    } else await trx.insertInto('import_map').values(row).execute();
    // Kept in memory only for the small kinds (people, terms, media): posts and comments are looked up when needed.
    if (kind === 'post' || kind === 'comment') return;
    const key = `${kind}\u0000${oldId}`;
    this.known.set(key, newId);
    this.fresh.push(key);
  }

  /** Writes the map rows remember() kept waiting. */
  async flushMap(trx: Db): Promise<void> {
    const rows = this.pendingMap.splice(0);
    if (rows.length) await trx.insertInto('import_map').values(rows).execute();
  }

  /** Ends the run: a dry run's writes are rolled back; the changed articles are announced on the event bus. */
  async finish(): Promise<ImportReport> {
    if (this.dry) {
      await this.dry.rollback().execute();
      return this.report;
    }
    for (const a of this.changedArticles) await this.ctx.events.emit('article.changed', { ...a, reason: 'imported' });
    return this.report;
  }
}

// `khabar export json DIR`, `khabar import khabar DIR`, `khabar backup FILE` and `khabar restore FILE`: the options
// read, a progress line on stderr, a summary on stdout, and a refused or damaged input said in words (exit code 1),
// a wrong call with exit code 2.
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { createRuntime as CreateRuntime } from '../runtime.ts';
import { KhabarError } from '../errors.ts';
import { progressBar } from '../importers/report.ts';
import { exportKhabar, type MoveProgress } from '../export/khabar_export.ts';
import { importKhabar } from '../importers/khabar_import.ts';
import { BackupError, makeBackup, restoreBackup } from '../export/backup.ts';

type Open = { createRuntime: typeof CreateRuntime; loadConfig: () => Config };

/** The progress on stderr: a bar redrawn in place on a terminal; a line per finished part (a table, the media)
 * otherwise (a log file or CI). */
function progressOn(out: NodeJS.WriteStream = process.stderr): { update: MoveProgress; done(summary: string): void } {
  let last = '';
  return {
    update(done, total, what) {
      if (out.isTTY) out.write(`\r${progressBar(done, total)} ${what} ${done}/${total}\x1b[K`);
      else if (done === total && `${what}:${total}` !== last) {
        last = `${what}:${total}`;
        out.write(`${what}: ${total}\n`);
      }
    },
    done(summary) {
      if (out.isTTY) out.write('\r\x1b[2K');
      console.log(summary);
    },
  };
}

function rate(n: number, ms: number): string {
  return `${Math.round((n / Math.max(ms, 1)) * 1000)}/s`;
}

/** Runs `work` on a runtime of its own, closed after; a refusal said as in `said`. */
async function inRuntime({ createRuntime, loadConfig }: Open, work: (ctx: AppContext) => Promise<void>): Promise<void> {
  const runtime = await createRuntime(loadConfig());
  try {
    await said(() => work(runtime.ctx));
  } finally {
    await runtime.close();
  }
}

/** Runs `work`, printing a KhabarError or BackupError's words (exit code 1) instead of a stack trace. */
async function said(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof KhabarError) && !(err instanceof BackupError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}

export function exportJsonCommand(dir: string, open: Open): Promise<void> {
  return inRuntime(open, async (ctx) => {
    const started = Date.now();
    const p = progressOn();
    const s = await exportKhabar(ctx, dir, p.update);
    const ms = Date.now() - started;
    p.done(`Exported ${s.rows} rows of ${s.tables} tables and ${s.mediaFiles} media files (${(s.bytes / 1e6).toFixed(1)} MB) to ${dir} in ${(ms / 1000).toFixed(1)} s (${rate(s.rows, ms)} rows).`);
    if (s.missingMasters.length) console.log(`Warning: ${s.missingMasters.length} picture${s.missingMasters.length > 1 ? 's have' : ' has'} no file in the media store (exported as rows only): ${s.missingMasters.slice(0, 20).join(', ')}`);
  });
}

export async function importKhabarCommand(args: string[], open: Open): Promise<void> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown || rest.length !== 1) {
    console.error(unknown ? `Unknown option ${unknown}.` : 'Name the export folder: khabar import khabar DIR [--force]');
    process.exitCode = 2;
    return;
  }
  await inRuntime(open, async (ctx) => {
    const started = Date.now();
    const p = progressOn();
    const s = await importKhabar(ctx, rest[0], { force, progress: p.update });
    const ms = Date.now() - started;
    p.done(`Imported ${s.rows} rows of ${s.tables} tables and ${s.mediaFiles} media files from ${rest[0]} in ${(ms / 1000).toFixed(1)} s (${rate(s.rows, ms)} rows). The search index was rebuilt.`);
  });
}

export async function backupCommand(args: string[], open: Open): Promise<void> {
  if (args.length !== 1 || args[0].startsWith('--')) {
    console.error('Usage: khabar backup FILE');
    process.exitCode = 2;
    return;
  }
  await inRuntime(open, async (ctx) => {
    const started = Date.now();
    const m = await makeBackup(ctx, args[0]);
    console.log(`Backup written to ${args[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s: the ${m.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database (${(m.database.bytes / 1e6).toFixed(1)} MB), the media files and the secret. Keep it somewhere safe: the secret is in it.`);
  });
}

export async function restoreCommand(args: string[], { loadConfig }: Pick<Open, 'loadConfig'>): Promise<void> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('--')) {
    console.error('Usage: khabar restore FILE [--force]');
    process.exitCode = 2;
    return;
  }
  await said(async () => {
    const r = await restoreBackup(loadConfig(), rest[0], { force });
    console.log(`Restored the backup of ${r.manifest.createdAt} from ${rest[0]}: database, media files and secret. Start Khabar (khabar serve) to use it.`);
    for (const note of r.notes) console.log(`Note: ${note}`);
  });
}

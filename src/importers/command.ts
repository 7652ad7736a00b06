// `khabar import <kind> FILE... [options]`: reads the options, runs the import with a progress bar on stderr and
// prints the final report. Exit code 1 when a file could not be read to its end.
import type { Config } from '../config.ts';
import type { createRuntime as CreateRuntime } from '../runtime.ts';
import { importWordPress } from './wordpress.ts';
import { importGhost } from './ghost.ts';
import { fetchImageBytes } from '../syndication/images.ts';
import { progressBar, reportLines } from './report.ts';
import type { ImportOptions } from './run.ts';
import { structureProblem } from './wp_addresses.ts';

export async function importCommand(args: string[], createRuntime: typeof CreateRuntime, loadConfig: () => Config): Promise<void> {
  const [kind, ...rest] = args;
  const files: string[] = [];
  const opts: ImportOptions = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--keep-spam') opts.keepSpam = true;
    else if (a === '--uploads') opts.uploadsDir = rest[++i];
    else if (a.startsWith('--uploads=')) opts.uploadsDir = a.slice('--uploads='.length);
    else if (a === '--permalinks') opts.permalinks = rest[++i] ?? '';
    else if (a.startsWith('--permalinks=')) opts.permalinks = a.slice('--permalinks='.length);
    else if (a.startsWith('--')) return fail(`Unknown option ${a}.`);
    else files.push(a);
  }
  if (kind !== 'wordpress' && kind !== 'ghost') return fail(`Unknown import kind "${kind ?? ''}": khabar import wordpress EXPORT.xml, or khabar import ghost EXPORT.json`);
  if (!files.length) return fail(`Name the export file: khabar import ${kind} ${kind === 'ghost' ? 'EXPORT.json' : 'EXPORT.xml'}`);
  if (kind === 'ghost' && files.length > 1) return fail('A Ghost export is one file: khabar import ghost EXPORT.json');
  if (opts.uploadsDir === undefined && rest.includes('--uploads')) return fail('--uploads needs a folder.');
  if (opts.permalinks !== undefined && kind !== 'wordpress') return fail('--permalinks is for WordPress exports.');
  const structure = opts.permalinks === undefined ? null : structureProblem(opts.permalinks);
  if (structure) return fail(`--permalinks: ${structure}.`);
  const tty = process.stderr.isTTY;
  let last = -1;
  opts.progress = (done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    if (pct === last) return;
    last = pct;
    process.stderr.write(tty ? `\r${progressBar(done, total)}` : `${progressBar(done, total)}\n`);
  };
  const runtime = await createRuntime(loadConfig());
  // Images outside --uploads are fetched with the partner fetcher's rules (no private addresses, size and time limits).
  opts.fetchMedia = (url) => fetchImageBytes(runtime.ctx, url);
  try {
    const report = kind === 'ghost' ? await importGhost(runtime.ctx, files[0], opts) : await importWordPress(runtime.ctx, files, opts);
    if (tty) process.stderr.write('\n');
    for (const line of reportLines(report)) console.log(line);
    if (report.errors.length) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

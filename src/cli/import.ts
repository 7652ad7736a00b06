// `khabar import wordpress|ghost|khabar ...`: reads the options, runs the import with a progress bar on stderr and
// prints the final report. Exit code 1 when a file could not be read to its end.
import { loadConfig, type Config } from '../config.ts';
import { createRuntime, type createRuntime as CreateRuntime } from '../runtime.ts';
import { helpText, type Command } from './command.ts';
import { importKhabarCommand } from './move.ts';
import { importWordPress } from '../importers/wordpress.ts';
import { importGhost } from '../importers/ghost.ts';
import { fetchImageBytes } from '../syndication/images.ts';
import { progressBar, reportLines } from '../importers/report.ts';
import type { ImportOptions } from '../importers/run.ts';
import { structureProblem } from '../importers/wp_addresses.ts';

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

export const importArchive: Command = {
  summary: 'bring in an archive: import wordpress EXPORT.xml... | ghost EXPORT.json | khabar DIR',
  help: helpText(`Usage: khabar import wordpress EXPORT.xml [MORE.xml...] [--uploads DIR] [--dry-run] [--keep-spam] [--permalinks STRUCTURE]
       khabar import ghost EXPORT.json [--uploads DIR] [--dry-run]
       khabar import khabar DIR [--force]`, `Imports a WordPress export (Tools > Export; WXR 1.0 to 1.2, several files of one site at once): posts with their
status, pages, authors, categories, tags, comments and images (from --uploads, a copy of wp-content/uploads), and
a 301 from every old address. Running it again adds only what is new. A Ghost JSON export brings posts (Lexical
or mobiledoc rendered to HTML), tags (the primary one becomes the section), authors and images (--uploads: a copy
of content/images), pages (static pages) and /slug/ addresses.

  --uploads DIR   where the export's _wp_attached_file paths are found
  --dry-run       report what would be imported; write nothing
  --keep-spam     keep spam and trashed comments (never shown) instead of dropping them
  --permalinks S  the WordPress site's permalink structure (Settings > Permalinks), e.g. /%category%/%postname%.html:
                  its old addresses answer 301 too (the export's own links, ?p=, /YYYY/MM/DD/slug/, /YYYY/MM/slug/
                  and /slug/ always do)

\`import khabar DIR\` reads a Khabar JSON export (khabar export json) into an empty instance, every id, date, status,
comment thread, revision and media file as it was (docs/export-format.md); the whole export is checked before
anything is written, and it goes in as one transaction.

  --force         empty a database that has content first (otherwise it is refused)`),
  run: (args) => (args[0] === 'khabar' ? importKhabarCommand(args.slice(1), { createRuntime, loadConfig }) : importCommand(args, createRuntime, loadConfig)),
};

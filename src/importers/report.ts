// The words an import run ends with: counts per kind, then every warning with the item it concerns.
import type { ImportReport } from './run.ts';

/** The final report as lines of text for the command line. */
export function reportLines(r: ImportReport): string[] {
  const lines: string[] = [];
  const kinds = Object.entries(r.counts);
  const added = kinds.reduce((n, [, c]) => n + c.added, 0);
  const unchanged = kinds.reduce((n, [, c]) => n + c.unchanged, 0);
  lines.push(r.dryRun ? 'Dry run: nothing was written. This is what the import would do:' : 'Import finished.');
  for (const [kind, c] of kinds) lines.push(`  ${kind.padEnd(12)} ${c.added} ${r.dryRun ? 'to add' : 'added'}, ${c.unchanged} already here, ${c.skipped} skipped`);
  if (!added && unchanged && !r.errors.length) lines.push('Nothing new: everything in this export was imported before, and nothing was changed.');
  if (r.warnings.length) {
    lines.push(`${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''}:`);
    for (const w of r.warnings) lines.push(`  - ${w}`);
  }
  for (const e of r.errors) lines.push(`Error: ${e}`);
  return lines;
}

/** A progress bar for a terminal's stderr: "[#####-----]  50%". */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}

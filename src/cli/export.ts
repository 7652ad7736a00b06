// `khabar export static DIR` (the public site as files, a mirror) and `khabar export json DIR` (all content, to move
// or keep).
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { buildApp } from '../app.ts';
import { KhabarError } from '../errors.ts';
import { exportStatic } from '../export/static_export.ts';
import { progressBar } from './progress.ts';
import { exportJsonCommand } from './move.ts';
import { helpText, type Command } from './command.ts';

const USAGE = 'Usage: khabar export static DIR | khabar export json DIR';

export const exportSite: Command = {
  summary: 'export static DIR: the public site as files (a mirror); export json DIR: all content, to move or keep',
  help: helpText(USAGE, `\`export json\` writes all content (articles with revisions, people, sections, tags, comments,
settings, static pages, redirects, ads, staff accounts, media records and files) into DIR, a new or empty folder, as
JSON Lines with a manifest of counts and checksums (docs/export-format.md); \`khabar import khabar DIR\` reads it back.
It is a consistent snapshot taken while the site runs.

\`export static\` writes every public page (all languages, the lite edition, lists, feeds, sitemaps, pictures) into DIR as
static files with relative links: serve DIR from any web server or folder, or open DIR/index.html from disk.
Links keep to the copy; the comment form becomes a link to the main site (KHABAR_PUBLIC_URL). Run it again to
bring the copy up to date: only pages showing something that changed are rendered again, only changed files
are written, and files of removed pages are deleted.`),
  async run(args) {
    const [kind, dir, ...rest] = args;
    if ((kind !== 'static' && kind !== 'json') || !dir || rest.length) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    if (kind === 'json') return exportJsonCommand(dir, { createRuntime, loadConfig });
    const runtime = await createRuntime(loadConfig());
    const app = await buildApp(runtime.ctx);
    try {
      const r = await exportStatic(app, dir, progressBar(process.stderr));
      console.log(`Exported ${r.files} files to ${dir}: ${r.rendered} rendered, ${r.reused} unchanged since the last run; ${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed.`);
      if (r.failed.length) console.log(`Linked but not exported (${r.failed.length}): ${r.failed.slice(0, 10).join(', ')}`);
    } catch (err) {
      if (!(err instanceof KhabarError)) throw err;
      console.error(err.message);
      process.exitCode = 1;
    } finally {
      await app.close();
      await runtime.close();
    }
  },
};

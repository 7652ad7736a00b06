// The CLI: `khabar serve | migrate | reindex | import | export static|json DIR | backup | restore | seed-demo`, each with --help. `npm start` runs `serve`.
import { loadConfig, ConfigError } from './config.ts';
import { KhabarError } from './errors.ts';
import { createRuntime } from './runtime.ts';
import { buildApp } from './http/app.ts';
import { drain } from './http/drain.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase } from './db/index.ts';
import { seedDemo, isEmpty } from './demo/seed.ts';
import { reindexAll } from './search/search_index.ts';
import { syndicationCommand } from './syndication/command.ts';
import { startServices } from './services.ts';
import { setupNotice } from './auth/setup.ts';
import { importCommand } from './importers/command.ts';
import { exportStatic } from './export/static_export.ts';
import { progressBar } from './export/progress.ts';
import { backupCommand, exportJsonCommand, importKhabarCommand, restoreCommand } from './importers/move_commands.ts';

interface Command {
  summary: string;
  help: string;
  run(args: string[]): Promise<void>;
}

const ENV_HELP = `Environment:
  HOST, PORT            where to listen (default 127.0.0.1:3000)
  KHABAR_DATA_DIR       data folder: SQLite file, media, secret (default ./data)
  DATABASE_URL          postgres://... to use PostgreSQL (default: SQLite in the data folder)
  REDIS_URL             redis://... for rate limits shared between instances (optional)
  KHABAR_DEMO=0         do not create the demo newsroom on an empty database
  KHABAR_PUBLIC_URL     the site's public address (https://news.example), used in links and emails
  KHABAR_SECRET         signing secret, 16+ characters (default: generated into the data folder)
  KHABAR_TRUST_PROXY=1  behind a reverse proxy or CDN
  SMTP_URL              smtp://... or smtps://... to send invitations and password resets
  LOG_LEVEL             fatal, error, warn, info (default), debug, trace or silent
  KHABAR_ONION_URL      the site's onion service (http://xxx.onion), announced with Onion-Location
  KHABAR_MIRRORS        comma-separated addresses of mirrors, listed in the footer
  KHABAR_FETCH_ALLOW    private addresses/networks partner fetches may reach (e.g. 10.0.0.0/8)
  KHABAR_MEDIA_DIR      media folder (default: media/ in the data folder); or KHABAR_S3_* for a bucket
  KHABAR_DB_POOL        PostgreSQL connections per instance at most (default 10)
  KHABAR_AUDIENCE       count reader page views on the server: 1 or 0 (default 1; docs/audience.md)
  KHABAR_AUDIENCE_RAW_DAYS  days raw page views are kept before only totals remain (default 7, 2 to 400)`;

const commands: Record<string, Command> = {
  serve: {
    summary: 'migrate the database, create the demo newsroom if empty, and serve the site',
    help: `Usage: khabar serve\n\nStarts the web server.\n\n${ENV_HELP}`,
    async run() {
      const config = loadConfig();
      const runtime = await createRuntime(config);
      const { ctx } = runtime;
      let seeding: Promise<void> | null = null;
      if (config.demo && (await isEmpty(ctx.db))) {
        console.log('Empty database: creating the demo newsroom (only this once)...');
        seeding = seedApart();
        seeding.catch(() => undefined); // awaited below, once the app is built meanwhile
      }
      const app = await buildApp(ctx, { logger: { level: config.logLevel }, ...(runtime.poolStats ? { poolStats: runtime.poolStats } : {}) });
      if (seeding) {
        await seeding;
        // Written by another process: nothing read before it finished may be kept.
        ctx.reads.clear();
      }
      const services = await startServices(ctx, app);
      stopOnSignal(async (signal) => {
        // Ctrl-C at a terminal: nobody's proxy to wait for, so idle connections (a browser's) are closed at once.
        await drain(app, signal === 'SIGINT' ? 0 : undefined);
        await services.stop();
        await app.close();
        await runtime.close();
      });
      await app.listen({ host: config.host, port: config.port });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      // The setup notice touches the database, so it is ready before "ready" is printed: a stop signal
      // sent on seeing "ready" then never races it.
      const notice = await setupNotice(ctx, config.publicUrlGiven ? undefined : `http://${host}:${port}`);
      console.log(`Khabar is ready: http://${host}:${port}/`);
      if (notice) console.log(notice);
    },
  },
  migrate: {
    summary: 'bring the database schema up to date',
    help: `Usage: khabar migrate\n\nApplies pending migrations to DATABASE_URL (or the SQLite file in the data folder).\n\n${ENV_HELP}`,
    async run() {
      const config = loadConfig();
      const { db, close } = openDatabase(config.databaseUrl);
      const done = await migrateToLatest(db);
      console.log(done.length ? `Applied: ${done.join(', ')}` : 'The database is up to date.');
      await close();
    },
  },
  reindex: {
    summary: 'rebuild the site search index from the published articles',
    help: `Usage: khabar reindex\n\nRebuilds the readers' search index (it is kept current as stories change; use this after restoring a backup).\n\n${ENV_HELP}`,
    async run() {
      const runtime = await createRuntime(loadConfig());
      const n = await reindexAll(runtime.ctx);
      console.log(`Search index rebuilt: ${n} published articles.`);
      await runtime.close();
    },
  },
  import: {
    summary: 'bring in an archive: import wordpress EXPORT.xml... | ghost EXPORT.json | khabar DIR',
    help: `Usage: khabar import wordpress EXPORT.xml [MORE.xml...] [--uploads DIR] [--dry-run] [--keep-spam] [--permalinks STRUCTURE]
       khabar import ghost EXPORT.json [--uploads DIR] [--dry-run]
       khabar import khabar DIR [--force]

Imports a WordPress export (Tools > Export; WXR 1.0 to 1.2, several files of one site at once): posts with their
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

  --force         empty a database that has content first (otherwise it is refused)

${ENV_HELP}`,
    run: (args) => (args[0] === 'khabar' ? importKhabarCommand(args.slice(1), { createRuntime, loadConfig }) : importCommand(args, createRuntime, loadConfig)),
  },
  export: {
    summary: 'export static DIR: the public site as files (a mirror); export json DIR: all content, to move or keep',
    help: `Usage: khabar export static DIR | khabar export json DIR\n\n\`export json\` writes all content (articles with revisions, people, sections, tags, comments,
settings, static pages, redirects, ads, staff accounts, media records and files) into DIR, a new or empty folder, as
JSON Lines with a manifest of counts and checksums (docs/export-format.md); \`khabar import khabar DIR\` reads it back.
It is a consistent snapshot taken while the site runs.\n\n\`export static\` writes every public page (all languages, the lite edition, lists, feeds, sitemaps, pictures) into DIR as
static files with relative links: serve DIR from any web server or folder, or open DIR/index.html from disk.
Links keep to the copy; the comment form becomes a link to the main site (KHABAR_PUBLIC_URL). Run it again to
bring the copy up to date: only pages showing something that changed are rendered again, only changed files
are written, and files of removed pages are deleted.\n\n${ENV_HELP}`,
    async run(args) {
      const [kind, dir, ...rest] = args;
      if ((kind !== 'static' && kind !== 'json') || !dir || rest.length) {
        console.error('Usage: khabar export static DIR | khabar export json DIR');
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
  },
  backup: {
    summary: 'backup FILE: the database, media and secret in one archive, while the site runs',
    help: `Usage: khabar backup FILE\n\nWrites a consistent snapshot of the database (SQLite's online backup; pg_dump for PostgreSQL, which
must be installed), the media files and the process secret into FILE, one gzipped tar archive (docs/backup-format.md).
The site may keep running meanwhile. The archive holds the secret: keep it as safe as the server.\n\n${ENV_HELP}`,
    run: (args) => backupCommand(args, { createRuntime, loadConfig }),
  },
  restore: {
    summary: 'restore FILE [--force]: put a backup in place (an empty instance, or --force)',
    help: `Usage: khabar restore FILE [--force]\n\nPuts the database, media files and secret of a backup (khabar backup) in place of this instance's, on the same
kind of database. Everything is unpacked and checked before anything changes; a database with content is refused
unless --force. Stop the server first.\n\n${ENV_HELP}`,
    run: (args) => restoreCommand(args, { loadConfig }),
  },
  syndication: {
    summary: 'poll partner feeds now: syndication poll [SOURCE]',
    help: `Usage: khabar syndication poll [SOURCE]\n\nPolls one partner source (its id or slug) or every source with a feed or list page, now, printing a progress line per\nsource as each poll ends: [n/total] name: outcome, items seen, new, duplicates, failed, and the time taken.\nExit code 1 when a poll failed.\n\n${ENV_HELP}`,
    run: (args) => syndicationCommand(args, createRuntime, loadConfig),
  },
  'seed-demo': {
    summary: 'create the demo newsroom (only into an empty database)',
    help: `Usage: khabar seed-demo\n\nFills an empty database with the demo newsroom: sections, people, articles, images, ads.\n\n${ENV_HELP}`,
    async run() {
      const config = loadConfig();
      const runtime = await createRuntime(config);
      if (!(await isEmpty(runtime.ctx.db))) {
        console.error('The database already has content; seed-demo only fills an empty one.');
        await runtime.close();
        process.exitCode = 1;
        return;
      }
      const n = await seedDemo(runtime.ctx, { progress: (line) => console.log(line) });
      console.log(`Demo newsroom created: ${n.articles} articles.`);
      await runtime.close();
    },
  },
};

/** Runs `seed-demo` in a child process of this same command, its progress shown as it goes. The pictures and
 * the stories' writing then leave their memory (sharp, the composed bodies) with that process, and the server
 * idles as light as after a restart. A stop signal meanwhile stops the seeding too. */
async function seedApart(): Promise<void> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], 'seed-demo'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', pass).on('SIGTERM', pass);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, s) => resolve([c, s]));
    });
    if (code !== 0) throw new Error(`The demo newsroom could not be created (seed-demo ended with ${signal ?? `exit code ${code}`}).`);
  } finally {
    process.off('SIGINT', pass).off('SIGTERM', pass);
  }
}

/** The time a shutdown may take before the process gives up waiting (open requests, a stuck database). */
const SHUTDOWN_LIMIT_MS = 10_000;

/** On SIGTERM or SIGINT (a process manager, Ctrl-C): stop taking requests, let open ones finish, close the
 * database and Redis, and exit 0; 1 if closing fails or takes too long. A second signal ends it at once. */
function stopOnSignal(close: (signal: NodeJS.Signals) => Promise<void>): void {
  const stop = (signal: NodeJS.Signals) => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    const late = setTimeout(() => {
      console.error(`Khabar did not stop within ${SHUTDOWN_LIMIT_MS / 1000} s of ${signal}; exiting.`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    late.unref();
    close(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Khabar could not close cleanly:', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Khabar: a publishing platform for independent newsrooms\n\nUsage: khabar <command> [--help]\n\nCommands:\n${rows.join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(cmd.help);
    return;
  }
  await cmd.run(args);
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});

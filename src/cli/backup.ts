// `khabar backup FILE` and `khabar restore FILE [--force]`.
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { backupCommand, restoreCommand } from './move.ts';
import { helpText, type Command } from './command.ts';

export const backup: Command = {
  summary: 'backup FILE: the database, media and secret in one archive, while the site runs',
  help: helpText('Usage: khabar backup FILE', `Writes a consistent snapshot of the database (SQLite's online backup; pg_dump for PostgreSQL, which
must be installed), the media files and the process secret into FILE, one gzipped tar archive (docs/backup-format.md).
The site may keep running meanwhile. The archive holds the secret: keep it as safe as the server.`),
  run: (args) => backupCommand(args, { createRuntime, loadConfig }),
};

export const restore: Command = {
  summary: 'restore FILE [--force]: put a backup in place (an empty instance, or --force)',
  help: helpText('Usage: khabar restore FILE [--force]', `Puts the database, media files and secret of a backup (khabar backup) in place of this instance's, on the same
kind of database. Everything is unpacked and checked before anything changes; a database with content is refused
unless --force. Stop the server first.`),
  run: (args) => restoreCommand(args, { loadConfig }),
};

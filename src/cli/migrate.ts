// `khabar migrate`: applies pending migrations and says which.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { helpText, type Command } from './command.ts';

export const migrate: Command = {
  summary: 'bring the database schema up to date',
  help: helpText('Usage: khabar migrate', 'Applies pending migrations to DATABASE_URL (or the SQLite file in the data folder).'),
  async run() {
    const config = loadConfig();
    const { db, close } = openDatabase(config.databaseUrl);
    const done = await migrateToLatest(db);
    console.log(done.length ? `Applied: ${done.join(', ')}` : 'The database is up to date.');
    await close();
  },
};

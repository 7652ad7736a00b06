// Every command of `khabar`, in the order `khabar --help` lists them; one file per command in this folder.
import type { Command } from './command.ts';
import { serve } from './serve.ts';
import { migrate } from './migrate.ts';
import { reindex } from './reindex.ts';
import { importArchive } from './import.ts';
import { exportSite } from './export.ts';
import { backup, restore } from './backup.ts';
import { syndication } from './syndication.ts';
import { seedDemoCommand } from './seed_demo.ts';
import { verifyMirror } from './verify_mirror.ts';
import { offlineEdition } from './offline_edition.ts';

export const COMMANDS: Record<string, Command> = {
  serve,
  migrate,
  reindex,
  import: importArchive,
  export: exportSite,
  backup,
  restore,
  syndication,
  'seed-demo': seedDemoCommand,
  'verify-mirror': verifyMirror,
  'offline-edition': offlineEdition,
};

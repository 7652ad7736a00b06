// `khabar reindex`: rebuilds the readers' search index from the published articles.
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { reindexAll } from '../search/search_index.ts';
import { helpText, type Command } from './command.ts';

export const reindex: Command = {
  summary: 'rebuild the site search index from the published articles',
  help: helpText('Usage: khabar reindex', "Rebuilds the readers' search index (it is kept current as stories change; use this after restoring a backup)."),
  async run() {
    const runtime = await createRuntime(loadConfig());
    const n = await reindexAll(runtime.ctx);
    console.log(`Search index rebuilt: ${n} published articles.`);
    await runtime.close();
  },
};

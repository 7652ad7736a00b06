// `khabar seed-demo`: fills an empty database with the demo newsroom (serve runs it in a child process).
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { isEmpty, seedDemo } from '../demo/seed.ts';
import { helpText, type Command } from './command.ts';

export const seedDemoCommand: Command = {
  summary: 'create the demo newsroom (only into an empty database)',
  help: helpText('Usage: khabar seed-demo', 'Fills an empty database with the demo newsroom: sections, people, articles, images, ads.'),
  async run() {
    const runtime = await createRuntime(loadConfig());
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
};

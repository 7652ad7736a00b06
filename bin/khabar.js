#!/usr/bin/env -S node --max-semi-space-size=8
// The `khabar` command (`npx khabar`, `npm start`): runs the built server, dist/server/main.js, in this very
// process, without the tsx loader, so a process manager's SIGTERM reaches the server and the exit code is
// the command's own. When the sources differ from those the build was made from (or there is no build),
// it rebuilds first, in a short-lived child so the builder's memory never joins the server's.
// The node flag above (repeated in package.json's start script) keeps V8's young generation at 2 x 8 MB
// instead of 2 x 16 MB: the server idles ~15 MB and ends a load ~40 MB lighter (docs/decisions.md).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { needsBuild, ENTRY } from '../scripts/build.js';

if (needsBuild()) {
  // Loaded only here: a start without a rebuild has no use for it.
  const { spawnSync } = await import('node:child_process');
  const built = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/build.js', import.meta.url))], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('Khabar could not be built from src/ (see above).');
    process.exit(1);
  }
}
await import(pathToFileURL(ENTRY).href);

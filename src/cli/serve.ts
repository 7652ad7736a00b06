// `khabar serve`: migrate, create the demo newsroom on an empty database (in a child process, so its memory leaves
// with it), build the app, start the jobs and listen; drain and close on SIGTERM or SIGINT.
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { buildApp } from '../app.ts';
import { drain } from '../http/drain.ts';
import { isEmpty } from '../demo/seed.ts';
import { startServices } from '../services.ts';
import { setupNotice } from '../auth/setup.ts';
import { helpText, type Command } from './command.ts';

export const serve: Command = {
  summary: 'migrate the database, create the demo newsroom if empty, and serve the site',
  help: helpText('Usage: khabar serve', 'Starts the web server.'),
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

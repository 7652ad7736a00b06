// A sending process on its own, as a second instance or a restart would be: it opens the test's database (the
// SQLite file or the PostgreSQL schema named in its environment), sets its clock to the time it is given, sends
// until nothing is left, and exits. crash_resume.test.ts kills it with SIGKILL halfway and starts another.
import { ManualClock } from '../../src/clock.ts';
import { createRuntime } from '../../src/runtime.ts';
import { runSends } from '../../src/newsletters/sending.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { testConfig } from '../helpers/context.ts';

const env = process.env;
const clock = new ManualClock(env.SEND_CLOCK ?? new Date().toISOString());
const rt = await createRuntime(testConfig(env.SEND_DIR ?? '', env.SEND_DATABASE_URL ?? ''), { clock, dbOptions: { schema: env.SEND_SCHEMA || undefined } });
const done = await runSends(rt.ctx);
await closeNewsletterTransport(rt.ctx);
await rt.close();
process.send?.({ done });
process.exit(0);

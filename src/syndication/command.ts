// `khabar syndication poll [SOURCE]`: polls one partner source (its id or slug) or every source with an address,
// now, printing a progress line per source as each poll ends ("[2/3] Valley Herald: ok, 3 seen, 2 new, ...").
// Exit code 1 when a poll failed, 2 for a wrong call or an unknown source.
import type { Config } from '../config.ts';
import type { createRuntime as CreateRuntime } from '../runtime.ts';
import { NotFoundError } from '../errors.ts';
import { describePoll, pollNow } from './poll.ts';

export const SYNDICATION_USAGE = 'Usage: khabar syndication poll [SOURCE]';

export async function syndicationCommand(args: string[], createRuntime: typeof CreateRuntime, loadConfig: () => Config): Promise<void> {
  const [verb, which, ...extra] = args;
  if (verb !== 'poll' || extra.length) {
    console.error(SYNDICATION_USAGE);
    process.exitCode = 2;
    return;
  }
  const runtime = await createRuntime(loadConfig());
  try {
    const results = await pollNow(runtime.ctx, which, (r, n, total) => console.log(`[${n}/${total}] ${describePoll(r)}`));
    if (!results.length) console.log('No source has a feed or list page address yet.');
    if (results.some((r) => r.outcome === 'failed')) process.exitCode = 1;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    console.error(`${e.message}.`);
    process.exitCode = 2;
  } finally {
    await runtime.close();
  }
}

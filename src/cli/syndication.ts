// `khabar syndication poll [SOURCE]`: polls one partner source (its id or slug) or every source with an address,
// now, printing a progress line per source as each poll ends ("[2/3] Valley Herald: ok, 3 seen, 2 new, ...").
// Exit code 1 when a poll failed, 2 for a wrong call or an unknown source.
import { loadConfig, type Config } from '../config.ts';
import { createRuntime, type createRuntime as CreateRuntime } from '../runtime.ts';
import { helpText, type Command } from './command.ts';
import { NotFoundError } from '../errors.ts';
import { describePoll, pollNow } from '../syndication/poll.ts';

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

export const syndication: Command = {
  summary: 'poll partner feeds now: syndication poll [SOURCE]',
  help: helpText(SYNDICATION_USAGE, `Polls one partner source (its id or slug) or every source with a feed or list page, now, printing a progress line per
source as each poll ends: [n/total] name: outcome, items seen, new, duplicates, failed, and the time taken.
Exit code 1 when a poll failed.`),
  run: (args) => syndicationCommand(args, createRuntime, loadConfig),
};

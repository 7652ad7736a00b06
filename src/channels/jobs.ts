// The alerts and channels work the job runner does every few seconds: the due pushes of alerts being sent, and the
// due channel posts and updates (each waits as long as its API asked).
import type { AppContext } from '../context.ts';
import { sendDueAlerts } from './alerts.ts';
import { runDuePosts } from './posting.ts';

export interface ChannelsTick {
  pushed: number;
  posted: number;
}

/** One tick: pushes, then posts. */
export async function channelsTick(ctx: AppContext): Promise<ChannelsTick> {
  return { pushed: await sendDueAlerts(ctx), posted: await runDuePosts(ctx) };
}

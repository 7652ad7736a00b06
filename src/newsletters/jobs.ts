// The newsletter work the job runner does each tick: start due digests and scheduled sends, read the bounce mailbox,
// and make sure this instance is sending. Sending runs beside the runner (never inside its tick: a long send must
// not hold scheduled publishing back); every instance may send, each letter once (the send log's claims).
import type { AppContext } from '../context.ts';
import { runDueDigests } from './digest.ts';
import { runSends, startDueSends } from './sending.ts';
import { readBounceMailbox } from './bounce_mailbox.ts';

export interface NewsletterTick {
  digests: number;
  started: number[];
  bounces: number;
}

const sending = new WeakMap<AppContext, Promise<unknown>>();

/** Starts this instance's sender unless it is already running; it stops when nothing is left to send. */
export function sendInBackground(ctx: AppContext, onError: (err: unknown) => void = (err) => console.error('newsletter sending failed:', err)): Promise<unknown> {
  let running = sending.get(ctx);
  if (!running) {
    running = runSends(ctx).catch(onError).finally(() => sending.delete(ctx));
    sending.set(ctx, running);
  }
  return running;
}

/** One tick of newsletter work. */
export async function newsletterTick(ctx: AppContext): Promise<NewsletterTick> {
  const digests = await runDueDigests(ctx);
  const started = await startDueSends(ctx);
  const bounces = await readBounceMailbox(ctx).catch((err: unknown) => { console.error('the bounce mailbox could not be read:', err); return 0; });
  void sendInBackground(ctx);
  return { digests: digests.filter((d) => d.sendId !== null).length, started, bounces };
}

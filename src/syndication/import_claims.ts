// The serialized step of an import: between "is this story new?" and the row that says it was imported, a story is
// claimed, so two partners polled at once that carry the same story (same address, or the same text) import it
// once. The slow parts (fetching the page, re-hosting images) stay outside; an import that meets a claim on its
// story waits for that one import, then looks again and finds the story. One instance polls at a time (the poll
// job's lease), so a claim held in this process covers every poll.
import type { Db } from '../db/schema.ts';
import { sameStory } from './dedupe.ts';

interface Claim {
  urls: string[];
  print: string;
  done: Promise<void>;
}

interface Claims {
  open: Claim[];
  /** how many claims have ended: a look at the database older than the last end may have missed its row */
  ended: number;
}

const byDatabase = new WeakMap<Db, Claims>();

export type ClaimResult<D> = { duplicate: D } | { release(): void };

/** Claims the story known by these addresses and this fingerprint, unless `earlier` finds it already imported. */
export async function claimStory<D>(db: Db, urls: string[], print: string, earlier: () => Promise<D | null>): Promise<ClaimResult<D>> {
  let claims = byDatabase.get(db);
  if (!claims) byDatabase.set(db, (claims = { open: [], ended: 0 }));
  const state = claims;
  for (;;) {
    const ended = state.ended;
    const found = await earlier();
    if (found !== null) return { duplicate: found };
    if (state.ended !== ended) continue;
    const clash = state.open.find((c) => c.urls.some((u) => urls.includes(u)) || sameStory(c.print, print));
    if (clash) {
      await clash.done;
      continue;
    }
    let finish = () => {};
    const claim: Claim = { urls, print, done: new Promise<void>((r) => { finish = r; }) };
    state.open.push(claim);
    return {
      release() {
        state.open = state.open.filter((c) => c !== claim);
        state.ended++;
        finish();
      },
    };
  }
}

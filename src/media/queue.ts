// Image decoding and encoding take one at a time, however many uploads and first views of a picture arrive
// together. Decoding a 49-megapixel PNG holds some 150 MB: four such uploads at once peaked at 455 MB, 322 MB
// taking turns (starting from 176 MB). A page's pictures are still made within a second or two.

/** How many images are decoded or encoded at the same moment, in this process. */
export const ENCODING_AT_ONCE = 1;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when its turn comes; resolves or rejects with it. */
export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= ENCODING_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line (the count stays), or frees up.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}


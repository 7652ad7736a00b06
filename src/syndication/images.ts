// Partner images are re-hosted through our media pipeline (readers on censored connections never reach the
// partner's servers, and the picture cannot change under our page), each with its credit.
import { parseHTML } from 'linkedom';
import type { AppContext } from '../context.ts';
import { ingestImage, mediaUrl } from '../media/images.ts';
import { safeFetch } from './fetcher.ts';

const IMAGE_LIMITS = { maxBytes: 15 * 1024 * 1024, maxDecodedBytes: 15 * 1024 * 1024, timeoutMs: 20_000, accept: 'image/*' };
/** Images re-hosted per story at most; the rest are dropped with their figure. */
export const MAX_IMAGES = 8;

/** An image's bytes, fetched under the fetcher's safety rules (the WordPress and Ghost importers use it too). */
export async function fetchImageBytes(ctx: AppContext, url: string): Promise<Buffer> {
  const res = await safeFetch(ctx, url, IMAGE_LIMITS);
  if (res.status !== 200) throw new Error(`the server answered ${res.status}`);
  return res.body;
}

/** Fetches and stores one image; null (and the item goes on without it) when it cannot be had. */
export async function rehostImage(ctx: AppContext, url: string, meta: { alt?: string; caption?: string; credit: string }) {
  try {
    const body = await fetchImageBytes(ctx, url);
    return await ingestImage(ctx, body, { alt: meta.alt?.slice(0, 500), caption: meta.caption?.slice(0, 500), credit: meta.credit.slice(0, 200) });
  } catch {
    return null;
  }
}

/** The body with every <img> pointing at our copy, or removed (with its figure) when it could not be copied. */
export async function rehostBodyImages(ctx: AppContext, html: string, credit: string): Promise<string> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const images = [...document.querySelectorAll('img')];
  for (const [i, img] of images.entries()) {
    const figure = img.closest('figure');
    const src = img.getAttribute('src') ?? '';
    const row = i < MAX_IMAGES && src ? await rehostImage(ctx, src, { alt: img.getAttribute('alt') ?? '', caption: figure?.querySelector('figcaption')?.textContent?.trim(), credit }) : null;
    if (!row) {
      (figure ?? img).remove();
      continue;
    }
    img.setAttribute('src', mediaUrl(row.storage_key));
    img.setAttribute('width', String(row.width));
    img.setAttribute('height', String(row.height));
  }
  return document.body.innerHTML;
}

// sharp (libvips) is loaded at its first use, not at start: serving pages never needs it, only image uploads
// and the demo newsroom's pictures, and loading it costs a server some 20 MB of resident memory.
import type sharpModule from 'sharp';

export type SharpFactory = typeof sharpModule;

let loading: Promise<SharpFactory> | null = null;

export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((m) => m.default, (err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

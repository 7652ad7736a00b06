// sharp (libvips) is loaded at its first use, not at start: serving pages never needs it, only image uploads
// (and the demo newsroom's drawings) and the first request of each picture's variants, and loading it costs a server some 20 MB.
import type sharpModule from 'sharp';
import { loadPackage } from '../load_later.ts';

export type SharpFactory = typeof sharpModule;

export const loadSharp = (): SharpFactory => loadPackage<SharpFactory>('sharp');

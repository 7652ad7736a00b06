// sharp (libvips) is loaded at its first use, not at start: serving pages never needs it, only image uploads
// and the demo newsroom's pictures, and loading it costs a server some 20 MB of resident memory.
import type sharpModule from 'sharp';
import { loadPackage } from '../load_later.ts';

export type SharpFactory = typeof sharpModule;

export const loadSharp = (): SharpFactory => loadPackage<SharpFactory>('sharp');

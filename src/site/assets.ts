// Cache-forever asset URLs: the file's content hash in the query, so a changed file gets a new address.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PUBLIC = new URL('../../public/', import.meta.url);
const versions = new Map<string, string>();

/** /assets/<file>?v=<hash of its bytes> */
export function assetUrl(file: string): string {
  let v = versions.get(file);
  if (v === undefined) {
    try {
      v = createHash('sha256').update(readFileSync(new URL(file, PUBLIC))).digest('hex').slice(0, 12);
    } catch {
      v = '0';
    }
    versions.set(file, v);
  }
  return `/assets/${file}?v=${v}`;
}

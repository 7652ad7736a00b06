// Where media bytes live: images' clean masters and the variants made from them. The default keeps files under
// the data dir; other stores (a shared folder, S3, a CDN origin) implement the same methods, and /media/
// reaches the bytes only through them.
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface MediaStore {
  /** Stores the bytes under the key, whole: a reader sees the old bytes, or none, or all of the new ones. */
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes under the key; a key with nothing stored is no error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;

/** Rejects keys that could leave the store's folder. */
export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe media key: ${key}`);
}

function isSafeKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.includes('..') && !key.includes('//');
}

let writes = 0;

export class DiskMediaStore implements MediaStore {
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }
  private path(key: string): string {
    assertSafeKey(key);
    const p = resolve(join(this.dir, key));
    if (!p.startsWith(this.dir + sep)) throw new Error(`unsafe media key: ${key}`);
    return p;
  }
  async put(key: string, bytes: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    // Written aside and renamed: a variant requested while it is written is never read half-written.
    const tmp = `${p}.${process.pid}.${++writes}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, p);
  }
  async get(key: string): Promise<Buffer | null> {
    // A key that could leave the folder names no picture there: not found (what a bucket answers for it too).
    if (!isSafeKey(key)) return null;
    try {
      return await readFile(this.path(key));
    } catch (err) {
      // Only a missing file is "not found"; a file that cannot be read (permissions, a failing disk) is an error.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

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
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`unsafe media key: ${key}`);
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
    try {
      return await readFile(this.path(key));
    } catch {
      return null;
    }
  }
  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

// Where media bytes live. The default keeps files under the data dir; other stores (S3, a CDN origin)
// implement the same three methods.
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface MediaStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
  /** absolute directory when the store is on local disk (served by @fastify/static), else null */
  readonly localDir: string | null;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/i;

/** Rejects keys that could leave the store's folder. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//')) throw new Error(`unsafe media key: ${key}`);
}

export class DiskMediaStore implements MediaStore {
  readonly localDir: string;
  constructor(dir: string) {
    this.localDir = resolve(dir);
    // The folder exists from the start: /media/ is served from it before the first upload.
    mkdirSync(this.localDir, { recursive: true });
  }
  private path(key: string): string {
    assertSafeKey(key);
    const p = resolve(join(this.localDir, key));
    if (!p.startsWith(this.localDir + sep)) throw new Error(`unsafe media key: ${key}`);
    return p;
  }
  async put(key: string, bytes: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, bytes);
  }
  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch {
      return null;
    }
  }
  async remove(key: string): Promise<void> {
    await unlink(this.path(key)).catch(() => undefined);
  }
}

// Media in a bucket of an S3-compatible service (AWS S3, Cloudflare R2, Backblaze B2, MinIO, Garage...), for
// instances on several machines without a shared folder. Requests are signed (AWS Signature V4) by aws4fetch:
// one small file with no dependencies over Node's own fetch, where the AWS SDK's S3 client brings about a hundred
// packages for the two calls used here. The bucket stays private: the site reads through this store and serves
// the bytes itself under /media/ (same origin, so the CSP and the static export need nothing new).
import type { AwsClient } from 'aws4fetch';
import type { S3Settings } from '../config.ts';
import { loadPackage } from '../load_later.ts';
import { assertSafeKey, type MediaStore } from './store.ts';

/** How long one call to the service may take before it counts as failed. */
const CALL_LIMIT_MS = 15_000;

/** The service answered something other than the object or "no such key" (wrong keys, missing bucket, outage). */
export class MediaStoreError extends Error {}

export class S3MediaStore implements MediaStore {
  private readonly client: AwsClient;
  protected readonly base: string;
  /** what the bucket is, in error messages */
  protected readonly what: string = 'media bucket';
  constructor(settings: S3Settings) {
    const { AwsClient: Client } = loadPackage<typeof import('aws4fetch')>('aws4fetch');
    // Two tries more on a 5xx or 429 (aws4fetch waits a little longer before each); the rest is the caller's.
    this.client = new Client({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: 's3', region: settings.region, retries: 2 });
    this.base = bucketAddress(settings);
  }

  /** The object's address: endpoint/bucket/key (path style) or bucket.endpoint/key. */
  objectUrl(key: string): string {
    assertSafeKey(key);
    return `${this.base}/${key}`;
  }

  /** Stores the bytes under the key; `contentType` is what the bucket answers readers with (a mirror served
   * straight from the bucket needs text/html for its pages). */
  async put(key: string, bytes: Buffer, contentType = 'application/octet-stream'): Promise<void> {
    const url = this.objectUrl(key);
    // A PUT replaces the object whole: readers get the old object or the new one, never a mix.
    const res = await this.client.fetch(url, { method: 'PUT', body: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), headers: { 'content-type': contentType }, signal: AbortSignal.timeout(CALL_LIMIT_MS) });
    await res.arrayBuffer();
    if (!res.ok) throw new MediaStoreError(`The ${this.what} refused to store ${key} (HTTP ${res.status})`);
  }

  async get(key: string): Promise<Buffer | null> {
    let url: string;
    try {
      url = this.objectUrl(key);
    } catch {
      return null;
    }
    const res = await this.client.fetch(url, { signal: AbortSignal.timeout(CALL_LIMIT_MS) });
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) {
      await res.arrayBuffer();
      // Not "no such picture": a reader gets an error page and the log says what the bucket answered.
      throw new MediaStoreError(`The ${this.what} did not give ${key} (HTTP ${res.status})`);
    }
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.objectUrl(key), { method: 'DELETE', signal: AbortSignal.timeout(CALL_LIMIT_MS) });
    await res.arrayBuffer();
    // S3 answers 204 for a key that was there and for one that was not; a 404 (some services) is no error either.
    if (!res.ok && res.status !== 404) throw new MediaStoreError(`The ${this.what} did not delete ${key} (HTTP ${res.status})`);
  }
}

/** Where the bucket's objects start, without a trailing slash. */
export function bucketAddress({ endpoint, bucket, pathStyle }: Pick<S3Settings, 'endpoint' | 'bucket' | 'pathStyle'>): string {
  const u = new URL(endpoint);
  const path = u.pathname.replace(/\/$/, '');
  return pathStyle ? `${u.origin}${path}/${bucket}` : `${u.protocol}//${bucket}.${u.host}${path}`;
}

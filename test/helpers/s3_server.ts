// A local S3-compatible server for tests (s3rver, from the npm registry): a bucket in a temporary folder on a
// port of its own. s3rver checks that the access key id is one it knows (S3RVER) but does not verify Signature
// V4 itself, so a wrong secret passes here; a wrong key id is refused as a real service would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { S3Settings } from '../../src/config.ts';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (opts: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string }[] }) => S3rverInstance;

export interface LocalS3 {
  /** settings for a store on this server's bucket (path style: the server is an IP address) */
  settings: S3Settings;
  close(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1, a free port, with one empty bucket. */
export async function startLocalS3(bucket = 'khabar-media'): Promise<LocalS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = mkdtempSync(join(tmpdir(), 'khabar-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    settings: { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', pathStyle: true },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

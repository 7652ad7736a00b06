// A copy's signed manifest: every file's SHA-256 and the time of the export, in khabar-mirror.json, with a
// detached Ed25519 signature of its exact bytes in khabar-mirror.json.sig (docs/mirrors.md). A copy is the
// newsroom's when the signature holds under the newsroom's public key and every file hashes as listed.
import { createHash, type KeyObject } from 'node:crypto';
import { signatureHolds, signBytes } from './signing.ts';

export const SIGNED_MANIFEST = 'khabar-mirror.json';
export const SIGNATURE = 'khabar-mirror.json.sig';
export const FORMAT = 'khabar-mirror/1';

export interface SignedManifest {
  format: typeof FORMAT;
  /** the main site the copy was made from */
  origin: string;
  /** when the export was made (ISO) */
  generatedAt: string;
  /** the signer's public key (informative: a verifier trusts the key it was given, never this one) */
  publicKey: string;
  /** file in the copy (a relative path with /) -> SHA-256 hex of its bytes */
  files: Record<string, string>;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The manifest's bytes and their signature: written as they are, checked as they are. */
export function signManifest(manifest: SignedManifest, privateKey: KeyObject): { bytes: Buffer; signature: string } {
  const sorted = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const bytes = Buffer.from(`${JSON.stringify({ ...manifest, files: sorted }, null, 1)}\n`);
  return { bytes, signature: signBytes(privateKey, bytes) };
}

export type ManifestProblem = 'signature' | 'format';

/** Reads a manifest whose signature holds under the key; otherwise says what is wrong. */
export function openManifest(bytes: Buffer, signature: string, key: KeyObject): { manifest: SignedManifest } | { problem: ManifestProblem } {
  if (!signatureHolds(key, bytes, signature)) return { problem: 'signature' };
  let m: unknown;
  try {
    m = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { problem: 'format' };
  }
  const ok = !!m && typeof m === 'object' && (m as SignedManifest).format === FORMAT && typeof (m as SignedManifest).generatedAt === 'string'
    && typeof (m as SignedManifest).files === 'object' && (m as SignedManifest).files !== null
    && Object.entries((m as SignedManifest).files).every(([f, h]) => safePath(f) && typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));
  return ok ? { manifest: m as SignedManifest } : { problem: 'format' };
}

/** A relative path inside the copy: no absolute path, no `..`, no backslash or control character. */
export function safePath(file: string): boolean {
  return file.length > 0 && file.length < 1024 && !file.startsWith('/') && !/[\\\0-\x1f]/.test(file) && !file.split('/').some((p) => p === '..' || p === '' || p === '.');
}

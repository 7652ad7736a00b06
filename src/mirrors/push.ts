// Bringing one mirror up to date with the local copy: read the manifest the mirror holds, send only the files
// whose hash differs, remove the files the site no longer has, and write the signed manifest last, so a mirror's
// manifest never lists a file that is not there yet. A mirror found altered is sent whole (`whole`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNATURE, SIGNED_MANIFEST, sha256Hex, type SignedManifest } from './signed_manifest.ts';
import type { MirrorTarget } from './targets.ts';

export interface PushResult {
  /** files in the copy */
  files: number;
  sent: number;
  removed: number;
  /** the SHA-256 of the manifest the mirror now holds */
  manifestHash: string;
}

function localManifest(copyDir: string): { bytes: Buffer; signature: Buffer; manifest: SignedManifest } {
  const path = join(copyDir, SIGNED_MANIFEST);
  if (!existsSync(path)) throw new Error(`${copyDir} holds no signed copy yet (no ${SIGNED_MANIFEST})`);
  const bytes = readFileSync(path);
  return { bytes, signature: readFileSync(join(copyDir, SIGNATURE)), manifest: JSON.parse(bytes.toString('utf8')) as SignedManifest };
}

/** What the mirror's own manifest says it holds (nothing when it has none or it cannot be read). */
async function mirrorHolds(target: MirrorTarget): Promise<Record<string, string>> {
  try {
    const bytes = await target.read(SIGNED_MANIFEST);
    const files = bytes ? (JSON.parse(bytes.toString('utf8')) as SignedManifest).files : null;
    return files && typeof files === 'object' ? files : {};
  } catch {
    return {};
  }
}

export async function pushCopy(target: MirrorTarget, copyDir: string, opts: { whole?: boolean } = {}): Promise<PushResult> {
  const local = localManifest(copyDir);
  const held = opts.whole ? {} : await mirrorHolds(target);
  let sent = 0;
  let removed = 0;
  for (const [file, hash] of Object.entries(local.manifest.files)) {
    if (held[file] === hash) continue;
    await target.write(file, readFileSync(join(copyDir, ...file.split('/'))));
    sent++;
  }
  for (const file of Object.keys(held)) {
    if (file in local.manifest.files) continue;
    await target.remove(file);
    removed++;
  }
  await target.write(SIGNED_MANIFEST, local.bytes);
  await target.write(SIGNATURE, local.signature);
  await target.finish(`Copy of ${local.manifest.origin} made ${local.manifest.generatedAt}: ${sent} files sent, ${removed} removed`);
  return { files: Object.keys(local.manifest.files).length, sent, removed, manifestHash: sha256Hex(local.bytes) };
}

// Checks a copy of the site (a folder, or a web address where a mirror serves it) against its signed manifest
// and the newsroom's public key: the signature must hold, and every listed file must be there with the listed
// hash. Names every changed and missing file, and, for a folder, every file the manifest does not list.
// `khabar verify-mirror` (src/cli/verify_mirror.ts) and the mirror health check (health.ts) use it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { openManifest, sha256Hex, SIGNATURE, SIGNED_MANIFEST, type ManifestProblem } from './signed_manifest.ts';

/** Files a copy may hold beyond the manifest: the manifest itself and the exporter's own bookkeeping. */
const OWN_FILES = new Set([SIGNED_MANIFEST, SIGNATURE, '.khabar-export.json']);

export interface CopyReport {
  /** true when the signature holds and no file is changed, missing or extra */
  ok: boolean;
  /** no manifest could be read, or it is not signed by this key, or not a manifest */
  problem?: ManifestProblem | 'unreachable';
  generatedAt?: string;
  origin?: string;
  /** the manifest's own SHA-256: two copies of the same export share it */
  manifestHash?: string;
  checked: number;
  changed: string[];
  missing: string[];
  /** only for a folder: files the manifest does not list */
  extra: string[];
}

/** Reads one file of the copy: its bytes, or null when it is not there. */
export type Reader = (file: string) => Promise<Buffer | null>;

function folderReader(dir: string): Reader {
  return async (file) => {
    const p = join(dir, ...file.split('/'));
    return existsSync(p) && statSync(p).isFile() ? readFileSync(p) : null;
  };
}

/** Largest file a verifier fetches from a mirror: a copy's files are pages and small pictures. */
const MAX_BYTES = 20 * 1024 * 1024;

export function webReader(base: string, fetchImpl: typeof fetch = fetch, timeoutMs = 30_000): Reader {
  const root = base.endsWith('/') ? base : `${base}/`;
  return async (file) => {
    const url = new URL(file.split('/').map(encodeURIComponent).join('/'), root);
    const res = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (res.status === 404 || res.status === 410) return null;
    if (!res.ok) throw new Error(`${url.href} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_BYTES) throw new Error(`${url.href} is larger than ${MAX_BYTES} bytes`);
    return body;
  };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Checks the copy at `source` (a folder or an http(s) address) against the newsroom's public key. */
export async function verifyCopy(source: string, key: KeyObject, opts: { fetchImpl?: typeof fetch; concurrency?: number } = {}): Promise<CopyReport> {
  const web = /^https?:\/\//i.test(source);
  return verifyWith(web ? webReader(source, opts.fetchImpl) : folderReader(source), key, { web, list: web ? undefined : () => filesUnder(source), concurrency: opts.concurrency });
}

/** Checks the copy that `read` reads (a mirror's own target, say); `list`, when the copy can be listed, finds extra files. */
export async function verifyWith(read: Reader, key: KeyObject, opts: { web?: boolean; list?: () => string[]; concurrency?: number; manifestOnly?: boolean } = {}): Promise<CopyReport> {
  const web = opts.web ?? true;
  const empty: CopyReport = { ok: false, checked: 0, changed: [], missing: [], extra: [] };
  let bytes: Buffer | null;
  let signature: Buffer | null;
  try {
    [bytes, signature] = await Promise.all([read(SIGNED_MANIFEST), read(SIGNATURE)]);
  } catch {
    return { ...empty, problem: 'unreachable' };
  }
  if (!bytes || !signature) return { ...empty, problem: web ? 'unreachable' : 'format' };
  const opened = openManifest(bytes, signature.toString('utf8'), key);
  if ('problem' in opened) return { ...empty, problem: opened.problem };
  const { manifest } = opened;
  const report: CopyReport = { ...empty, generatedAt: manifest.generatedAt, origin: manifest.origin, manifestHash: sha256Hex(bytes) };
  // only the signed manifest: enough to tell whether the mirror holds the latest copy
  if (opts.manifestOnly) return { ...report, ok: true };
  const files = Object.keys(manifest.files).sort();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      let got: Buffer | null;
      try {
        got = await read(file);
      } catch {
        got = null;
      }
      report.checked++;
      if (!got) report.missing.push(file);
      else if (sha256Hex(got) !== manifest.files[file]) report.changed.push(file);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? (web ? 6 : 1)) }, worker));
  if (opts.list) report.extra = opts.list().filter((f) => !OWN_FILES.has(f) && !(f in manifest.files)).sort();
  report.changed.sort();
  report.missing.sort();
  report.ok = !report.changed.length && !report.missing.length && !report.extra.length;
  return report;
}

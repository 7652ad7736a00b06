// The newsroom's mirrors: where the public site is copied to, what each holds, and whether it is current. The
// places and their credentials are sealed with the site's secret; what the app and the footers see is the
// public address, the kind and host, and the status (tables.ts).
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import { iso } from '../clock.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { openFor, sealFor } from '../auth/secret_box.ts';
import { KINDS, openTarget, type MirrorTarget, type TargetSettings } from './targets.ts';
import { pushCopy, type PushResult } from './push.ts';
import { signingKey } from './signing.ts';
import { verifyWith, type CopyReport } from './verify.ts';
import type { MirrorKind, MirrorStatus } from './tables.ts';

const PURPOSE = 'mirrors:target';
const LISTED: MirrorStatus[] = ['current', 'stale'];

export interface Mirror {
  id: number;
  kind: MirrorKind;
  name: string;
  publicUrl: string;
  /** where it is pushed, without credentials (bucket, host and folder, remote) */
  place: string;
  status: MirrorStatus;
  detail: string;
  files: number;
  lastPushAt: string | null;
  lastCheckAt: string | null;
}

export interface MirrorInput {
  kind: string;
  name: string;
  publicUrl: string;
  target: Record<string, unknown>;
}

const text = (v: unknown, field: string, max = 500, pattern?: RegExp, why = 'is not valid'): string => {
  if (typeof v !== 'string' || !v.trim() || v.length > max) throw new ValidationError(field, `${field} is required (at most ${max} characters)`);
  if (/[\0-\x1f\x7f]/.test(v.replace(/\r?\n/g, '')) ) throw new ValidationError(field, `${field} holds a control character`);
  if (pattern && !pattern.test(v.trim())) throw new ValidationError(field, `${field} ${why}`);
  return v.trim();
};
const optional = (v: unknown, field: string, max = 10_000): string => (v === undefined || v === '' ? '' : text(v, field, max));
const webAddress = (v: unknown, field: string) => {
  const s = text(v, field, 500, /^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// address');
  try {
    const u = new URL(s);
    if (u.username || u.password) throw new ValidationError(field, `${field} must not hold a user name or password`);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError(field, `${field} must be an http:// or https:// address`);
  }
  return s;
};
const PRIVATE_KEY = /^-----BEGIN (OPENSSH|RSA|EC|) ?PRIVATE KEY-----[\s\S]+-----END (OPENSSH|RSA|EC|) ?PRIVATE KEY-----\s*$/;

/** Checks a mirror's place and credentials for its kind. */
export function targetFrom(kind: string, t: Record<string, unknown>): TargetSettings {
  if (!(KINDS as readonly string[]).includes(kind)) throw new ValidationError('kind', `kind must be one of ${KINDS.join(', ')}`);
  if (!t || typeof t !== 'object') throw new ValidationError('target', 'target is required');
  switch (kind as MirrorKind) {
    case 's3':
      return {
        kind: 's3', endpoint: webAddress(t.endpoint, 'endpoint'), bucket: text(t.bucket, 'bucket', 63, /^[a-z0-9][a-z0-9.-]{1,62}$/, 'must be a bucket name (lower-case letters, digits, dots and hyphens)'),
        region: t.region === undefined ? 'us-east-1' : text(t.region, 'region', 40, /^[a-z0-9-]+$/), accessKeyId: text(t.accessKeyId, 'accessKeyId', 200),
        secretAccessKey: text(t.secretAccessKey, 'secretAccessKey', 200), pathStyle: t.pathStyle !== false,
        prefix: t.prefix === undefined || t.prefix === '' ? '' : text(t.prefix, 'prefix', 200, /^[A-Za-z0-9/_.-]+$/, 'may hold only letters, digits, /, _, . and -'),
      };
    case 'sftp': {
      const port = t.port === undefined ? 22 : Number(t.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ValidationError('port', 'port must be a number from 1 to 65535');
      return {
        kind: 'sftp', host: text(t.host, 'host', 253, /^[A-Za-z0-9.-]+$|^\[[0-9a-f:]+\]$/i, 'must be a host name or address'), port,
        username: text(t.username, 'username', 100, /^[A-Za-z0-9._-]+$/, 'may hold only letters, digits, ., _ and -'),
        privateKey: text(t.privateKey, 'privateKey', 20_000, PRIVATE_KEY, 'must be a private key in PEM or OpenSSH form'),
        hostKey: optional(t.hostKey, 'hostKey', 2_000), path: text(t.path, 'path', 500, /^\/[^\0]*$/, 'must be an absolute folder on the host'),
      };
    }
    case 'git':
      return {
        kind: 'git', remote: text(t.remote, 'remote', 500, /^(https:\/\/|ssh:\/\/|git@[A-Za-z0-9.-]+:|file:\/\/\/|\/)[^\s]+$/, 'must be an https://, ssh://, git@host: or file:/// address'),
        branch: t.branch === undefined ? 'main' : text(t.branch, 'branch', 100, /^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'is not a branch name'),
        privateKey: t.privateKey === undefined || t.privateKey === '' ? '' : text(t.privateKey, 'privateKey', 20_000, PRIVATE_KEY, 'must be a private key in PEM or OpenSSH form'),
      };
    case 'folder':
      return { kind: 'folder', path: text(t.path, 'path', 500, /^\/[^\0]*$/, 'must be an absolute folder') };
  }
}

function placeOf(t: TargetSettings): string {
  switch (t.kind) {
    case 's3': return `${new URL(t.endpoint).host}/${t.bucket}${t.prefix ? `/${t.prefix}` : ''}`;
    case 'sftp': return `${t.username}@${t.host}:${t.port}${t.path}`;
    case 'git': return `${t.remote.replace(/\/\/[^/@]*@/, '//')} (${t.branch})`;
    case 'folder': return t.path;
  }
}

type Row = Awaited<ReturnType<typeof rows>>[number];
const rows = (ctx: AppContext) => ctx.db.selectFrom('mirrors').selectAll().orderBy('id').execute();

function targetOf(ctx: AppContext, row: Row): TargetSettings | null {
  const json = openFor(ctx.secret, PURPOSE, row.target);
  return json ? (JSON.parse(json) as TargetSettings) : null;
}

function shown(ctx: AppContext, row: Row): Mirror {
  const t = targetOf(ctx, row);
  return {
    id: row.id, kind: row.kind, name: row.name, publicUrl: row.public_url, place: t ? placeOf(t) : '?', status: row.status,
    detail: row.detail, files: row.files, lastPushAt: row.last_push_at, lastCheckAt: row.last_check_at,
  };
}

export async function listMirrors(ctx: AppContext): Promise<Mirror[]> {
  return (await rows(ctx)).map((r) => shown(ctx, r));
}

async function rowOf(ctx: AppContext, id: number): Promise<Row> {
  const row = await ctx.db.selectFrom('mirrors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(`No mirror ${id}`);
  return row;
}

export async function addMirror(ctx: AppContext, input: MirrorInput): Promise<Mirror> {
  const target = targetFrom(input.kind, input.target);
  const name = text(input.name, 'name', 80);
  const publicUrl = webAddress(input.publicUrl, 'publicUrl');
  const { id } = await ctx.db.insertInto('mirrors')
    .values({ kind: target.kind, name, public_url: publicUrl, target: sealFor(ctx.secret, PURPOSE, JSON.stringify(target)), created_at: iso(ctx.clock.now()) })
    .returning('id').executeTakeFirstOrThrow();
  await ctx.events.emit('mirrors.changed', { mirrorId: id });
  return shown(ctx, await rowOf(ctx, id));
}

export async function removeMirror(ctx: AppContext, id: number): Promise<void> {
  await rowOf(ctx, id);
  await ctx.db.deleteFrom('mirrors').where('id', '=', id).execute();
  await ctx.events.emit('mirrors.changed', { mirrorId: id });
}

async function setState(ctx: AppContext, row: Row, patch: Partial<Pick<Row, 'status' | 'detail' | 'files' | 'pushed_manifest' | 'last_push_at' | 'last_check_at'>>): Promise<void> {
  await ctx.db.updateTable('mirrors').set(patch).where('id', '=', row.id).execute();
  // the footers list the mirrors that hold a genuine copy: one that comes in or goes out of that changes every page
  if (patch.status && LISTED.includes(patch.status) !== LISTED.includes(row.status)) await ctx.events.emit('mirrors.changed', { mirrorId: row.id });
}

const workDir = (ctx: AppContext, id: number) => join(ctx.config.dataDir, 'mirrors', `git-${id}`);

/** Sends the local signed copy to every mirror (or one); each mirror's failure is its own, kept in its row. */
export async function pushMirrors(ctx: AppContext, copyDir: string, only?: number): Promise<Record<number, PushResult | Error>> {
  const out: Record<number, PushResult | Error> = {};
  for (const row of await rows(ctx)) {
    if (only !== undefined && row.id !== only) continue;
    const t = targetOf(ctx, row);
    if (!t) {
      await setState(ctx, row, { status: 'failing', detail: 'its settings cannot be opened: they were sealed with another KHABAR_SECRET' });
      continue;
    }
    const now = iso(ctx.clock.now());
    try {
      const target = await openTarget(t, workDir(ctx, row.id));
      try {
        const r = await pushCopy(target, copyDir, { whole: row.status === 'changed' });
        out[row.id] = r;
        await setState(ctx, row, { status: 'current', detail: `sent ${r.sent} files, removed ${r.removed}`, files: r.files, pushed_manifest: r.manifestHash, last_push_at: now, last_check_at: now });
      } finally {
        await target.close();
      }
    } catch (e) {
      out[row.id] = e instanceof Error ? e : new Error(String(e));
      ctx.log.warn('a mirror push failed', { mirror: row.id, err: String(e) });
      await setState(ctx, row, { status: 'failing', detail: `push failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), last_push_at: now });
    }
  }
  return out;
}

/** Checks each mirror (or one) through its own target: the signature under the newsroom's key, the manifest
 * against the latest copy (stale when it is an older one), and, when `deep`, every file's hash (changed). */
export async function checkMirrors(ctx: AppContext, latestManifest: string | null, opts: { deep?: boolean; only?: number } = {}): Promise<Record<number, CopyReport>> {
  const publicKey = createPublicKey((await signingKey(ctx)).privateKey);
  const out: Record<number, CopyReport> = {};
  for (const row of await rows(ctx)) {
    if (opts.only !== undefined && row.id !== opts.only) continue;
    const t = targetOf(ctx, row);
    const now = iso(ctx.clock.now());
    if (!t) continue;
    let target: MirrorTarget;
    try {
      target = await openTarget(t, workDir(ctx, row.id));
    } catch (e) {
      await setState(ctx, row, { status: 'failing', detail: `cannot reach it: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), last_check_at: now });
      continue;
    }
    try {
      const report = await verifyWith(target.read, publicKey, { web: true, concurrency: 4, ...(opts.deep ? {} : { manifestOnly: true }) });
      out[row.id] = report;
      const status: MirrorStatus = report.problem === 'unreachable' ? 'failing' : report.problem ? 'changed'
        : report.changed.length || report.missing.length ? 'changed' : latestManifest && report.manifestHash !== latestManifest ? 'stale' : 'current';
      const detail = report.problem ? `its manifest: ${report.problem}` : status === 'changed'
        ? `${report.changed.length} changed, ${report.missing.length} missing: ${[...report.changed, ...report.missing].slice(0, 5).join(', ')}`
        : status === 'stale' ? `holds the copy made ${report.generatedAt}` : `verified the copy made ${report.generatedAt}`;
      await setState(ctx, row, { status, detail: detail.slice(0, 500), last_check_at: now });
    } finally {
      await target.close();
    }
  }
  return out;
}

/** The public addresses of the mirrors readers can turn to: what every footer lists. A stale mirror holds an older
 * copy that is still the newsroom's (and is listed, so that each push does not change every footer twice); a
 * changed, failing or never pushed one is not listed. */
export async function currentMirrorAddresses(ctx: AppContext): Promise<string[]> {
  const r = await ctx.db.selectFrom('mirrors').select('public_url').where('status', 'in', LISTED).orderBy('id').execute();
  return r.map((m) => m.public_url);
}

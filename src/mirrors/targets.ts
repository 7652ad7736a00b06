// Where a mirror's files go: an S3-compatible bucket, an SFTP host, a git remote (for static hosting on a Git
// forge), or a folder (a disk another server shares). Each target does three things: read a file back (the
// manifest, to know what the mirror holds), write a file, remove a file; a git target gathers the changes into one
// commit and push at the end. push.ts decides what to send.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { S3MediaStore } from '../media/s3_store.ts';
import { loadPackage } from '../load_later.ts';
import type { S3Settings } from '../config.ts';
import type { MirrorKind } from './tables.ts';
import { safePath } from './signed_manifest.ts';

const run = promisify(execFile);

export interface S3Target { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; pathStyle: boolean; prefix: string }
export interface SftpTarget { kind: 'sftp'; host: string; port: number; username: string; privateKey: string; hostKey: string; path: string }
export interface GitTarget { kind: 'git'; remote: string; branch: string; privateKey: string }
export interface FolderTarget { kind: 'folder'; path: string }
export type TargetSettings = S3Target | SftpTarget | GitTarget | FolderTarget;

export interface MirrorTarget {
  read(file: string): Promise<Buffer | null>;
  write(file: string, bytes: Buffer): Promise<void>;
  remove(file: string): Promise<void>;
  /** sends what was written (git: one commit and push); every target closes its connection */
  finish(message: string): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', json: 'application/json',
  xml: 'application/xml', txt: 'text/plain; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
  webp: 'image/webp', avif: 'image/avif', ico: 'image/x-icon', webmanifest: 'application/manifest+json', sig: 'text/plain; charset=utf-8',
  woff2: 'font/woff2', epub: 'application/epub+zip',
};
export const typeOf = (file: string) => TYPES[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

function checked(file: string): string {
  if (!safePath(file)) throw new Error(`not a path inside the copy: ${file}`);
  return file;
}

/** A bucket of an S3-compatible service, through the media store's signed client. */
class S3Mirror extends S3MediaStore {
  protected readonly what = 'mirror bucket';
  constructor(private readonly target: S3Target) {
    super({ endpoint: target.endpoint, bucket: target.bucket, region: target.region, accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey, pathStyle: target.pathStyle } satisfies S3Settings);
  }
  objectUrl(key: string): string {
    const prefix = this.target.prefix.replace(/^\/+|\/+$/g, '');
    return `${this.base}/${[...(prefix ? prefix.split('/') : []), ...checked(key).split('/')].map(encodeURIComponent).join('/')}`;
  }
}

function s3Target(t: S3Target): MirrorTarget {
  const store = new S3Mirror(t);
  return {
    read: (f) => store.get(f),
    write: (f, b) => store.put(f, b, typeOf(f)),
    remove: (f) => store.delete(f),
    finish: async () => {},
    close: async () => {},
  };
}

function folderTarget(root: string): MirrorTarget {
  const at = (f: string) => join(root, ...checked(f).split('/'));
  return {
    read: async (f) => (existsSync(at(f)) ? readFileSync(at(f)) : null),
    write: async (f, b) => {
      mkdirSync(dirname(at(f)), { recursive: true });
      writeFileSync(at(f), b);
    },
    remove: async (f) => rmSync(at(f), { force: true }),
    finish: async () => {},
    close: async () => {},
  };
}

interface SftpClient {
  connect(o: object): Promise<unknown>;
  get(path: string): Promise<Buffer | string | NodeJS.WritableStream>;
  put(b: Buffer, path: string): Promise<unknown>;
  delete(path: string, noErrorOK?: boolean): Promise<unknown>;
  mkdir(path: string, recursive?: boolean): Promise<unknown>;
  exists(path: string): Promise<false | string>;
  end(): Promise<unknown>;
}

async function sftpTarget(t: SftpTarget): Promise<MirrorTarget> {
  const Client = loadPackage<new () => SftpClient>('ssh2-sftp-client');
  const sftp = new Client();
  const expected = t.hostKey.trim();
  // Nagle's algorithm off: each SFTP request waits for its answer, and a delayed ACK would add ~40 ms to each
  const sock = connect({ host: t.host, port: t.port, noDelay: true });
  const slow = setTimeout(() => sock.destroy(new Error(`${t.host}:${t.port} did not answer within 20 s`)), 20_000);
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject)).finally(() => clearTimeout(slow));
  await sftp.connect({
    sock, host: t.host, port: t.port, username: t.username, privateKey: t.privateKey, readyTimeout: 20_000,
    // AES-GCM first: Node's own crypto does it (ssh2's optional native binding is not built, and its JavaScript
    // ChaCha20-Poly1305, OpenSSH's first choice, is too slow for a thousand files)
    algorithms: { cipher: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes256-ctr'] },
    // the host must be the one the newsroom named: its key is compared, never accepted blindly
    hostVerifier: (key: Buffer) => !expected || key.toString('base64') === expected.split(/\s+/).find((p) => p.length > 40),
  });
  const at = (f: string) => `${t.path.replace(/\/+$/, '')}/${checked(f)}`;
  const made = new Set<string>();
  return {
    read: async (f) => ((await sftp.exists(at(f))) === '-' ? (await sftp.get(at(f))) as Buffer : null),
    write: async (f, b) => {
      const dir = dirname(at(f));
      if (!made.has(dir)) {
        await sftp.mkdir(dir, true).catch(() => undefined);
        made.add(dir);
      }
      await sftp.put(b, at(f));
    },
    remove: async (f) => { await sftp.delete(at(f), true); },
    finish: async () => {},
    close: async () => { await sftp.end(); },
  };
}

/** A git remote: a working copy kept under the data folder, one commit per push, pushed over SSH or HTTPS. */
async function gitTarget(t: GitTarget, workDir: string): Promise<MirrorTarget> {
  const keyFile = join(workDir, '..', `${workDir.split('/').pop()}.key`);
  // never a prompt (the job has no one to answer it); over SSH, the mirror's own key
  const options = ['-c', 'credential.interactive=never', '-c', 'core.askPass=true'];
  if (t.privateKey) {
    writeFileSync(keyFile, t.privateKey.endsWith('\n') ? t.privateKey : `${t.privateKey}\n`, { mode: 0o600 });
    options.push('-c', `core.sshCommand=ssh -i ${keyFile} -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new -o BatchMode=yes`);
  }
  const git = (...args: string[]) => run('git', [...options, ...args], { cwd: workDir, maxBuffer: 64 * 1024 * 1024 });
  if (!existsSync(join(workDir, '.git'))) {
    mkdirSync(workDir, { recursive: true });
    await git('init', '-q', '-b', t.branch);
    await git('remote', 'add', 'origin', t.remote);
  } else {
    await git('remote', 'set-url', 'origin', t.remote);
  }
  await git('config', 'user.name', 'Khabar');
  await git('config', 'user.email', 'mirror@khabar.invalid');
  // start from what the remote holds, so only the differences go in this commit
  const fetched = await git('fetch', '-q', '--depth', '1', 'origin', t.branch).then(() => true, () => false);
  if (fetched) await git('reset', '-q', '--hard', `origin/${t.branch}`);
  const folder = folderTarget(workDir);
  return {
    ...folder,
    finish: async (message) => {
      await git('add', '-A');
      const { stdout } = await git('status', '--porcelain');
      if (!stdout.trim()) return;
      await git('commit', '-q', '-m', message);
      await git('push', '-q', 'origin', `HEAD:${t.branch}`);
    },
    close: async () => rmSync(keyFile, { force: true }),
  };
}

export async function openTarget(t: TargetSettings, workDir: string): Promise<MirrorTarget> {
  switch (t.kind) {
    case 's3': return s3Target(t);
    case 'folder': return folderTarget(t.path);
    case 'sftp': return sftpTarget(t);
    case 'git': return gitTarget(t, workDir);
  }
}

export const KINDS: readonly MirrorKind[] = ['s3', 'sftp', 'git', 'folder'];

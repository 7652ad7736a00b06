// A real SFTP host on the loopback for tests: Debian's OpenSSH server (openssh-server) on a free port, with its own
// host key and one authorized client key in a temporary folder, serving the internal SFTP subsystem as the user
// running the tests. Null when sshd is not installed (.ci/run installs it).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface LocalSftp {
  host: string;
  port: number;
  username: string;
  privateKey: string;
  /** the host's public key line (ssh-ed25519 AAAA...) */
  hostKey: string;
  /** a folder on the host the tests may write in */
  root: string;
  close(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Waits until the port accepts a connection (sshd is listening), or the process has ended. */
async function listening(port: number, ended: () => boolean): Promise<void> {
  for (;;) {
    if (ended()) throw new Error('sshd ended before it listened');
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); resolve(true); });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setImmediate(r));
  }
}

export async function startLocalSftp(): Promise<LocalSftp | null> {
  if (!existsSync(SSHD)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'khabar-sftp-'));
  const root = join(dir, 'www');
  mkdirSync(root);
  mkdirSync('/run/sshd', { recursive: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client')]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')));
  const port = await freePort();
  writeFileSync(join(dir, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host')}`, `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password', 'StrictModes no', 'UsePAM no', 'Subsystem sftp internal-sftp', '',
  ].join('\n'));
  const child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let ended = false;
  let errors = '';
  child.stderr.on('data', (d: Buffer) => { errors += d.toString(); });
  child.once('exit', () => { ended = true; });
  try {
    await listening(port, () => ended);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}: ${errors}`);
  }
  return {
    host: '127.0.0.1', port, username: userInfo().username, privateKey: readFileSync(join(dir, 'client'), 'utf8'),
    hostKey: readFileSync(join(dir, 'host.pub'), 'utf8').trim(), root,
    async close() {
      if (!ended) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Debian's Dovecot as the bounce mailbox of a plain SMTP relay: started on the loopback with a configuration of its
// own in a temporary folder (plain IMAP, one user with a password), messages put in its Maildir as a local delivery
// would. Installed with apt when it is missing (.ci/run installs it on CI machines).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const BINARY = '/usr/sbin/dovecot';

export interface Mailbox {
  /** imap://user:pass@127.0.0.1:port/INBOX */
  url: string;
  /** Puts a message in the inbox, as the local delivery agent would. */
  deliver(raw: string): void;
  stop(): Promise<void>;
}

/** Whether Dovecot is there, installing it with apt when it is not (false when that cannot be done). */
export function haveDovecot(): boolean {
  if (existsSync(BINARY)) return true;
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'dovecot-imapd'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
  } catch {
    return false;
  }
  return existsSync(BINARY);
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Resolves when the port takes a connection (Dovecot is listening), rejects when Dovecot exits first. */
function listening(port: number, proc: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    proc.once('exit', (code) => { if (!done) { done = true; reject(new Error(`dovecot exited with ${code}`)); } });
    const attempt = () => {
      if (done) return;
      const c = connect(port, '127.0.0.1');
      c.once('data', () => { c.destroy(); if (!done) { done = true; resolve(); } });
      c.once('error', () => { c.destroy(); setImmediate(attempt); });
    };
    attempt();
  });
}

export async function startDovecot(): Promise<Mailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(9).toString('base64url');
  const me = userInfo();
  // Dovecot will not open a mailbox as root: as root, the mail belongs to its own unprivileged user.
  const mail = me.uid === 0 ? { uid: Number(execFileSync('id', ['-u', 'dovecot']).toString()), gid: Number(execFileSync('id', ['-g', 'dovecot']).toString()) } : { uid: me.uid, gid: me.gid };
  const home = join(dir, 'home');
  const maildir = join(home, 'Maildir');
  for (const d of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, d), { recursive: true });
  for (const p of [home, maildir, ...['new', 'cur', 'tmp'].map((d) => join(maildir, d))]) chownSync(p, mail.uid, mail.gid);
  writeFileSync(join(dir, 'users'), `bounces:{PLAIN}${password}\n`);
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(conf, [
    'protocols = imap', 'listen = 127.0.0.1', `base_dir = ${join(dir, 'run')}`, `state_dir = ${join(dir, 'state')}`,
    `log_path = ${join(dir, 'dovecot.log')}`, 'ssl = no', 'disable_plaintext_auth = no', 'auth_mechanisms = plain login',
    `first_valid_uid = ${mail.uid}`, `first_valid_gid = ${mail.gid}`,
    ...(me.uid === 0 ? ['default_internal_user = dovecot', 'default_login_user = dovenull'] : [`default_internal_user = ${me.username}`, `default_login_user = ${me.username}`]),
    `passdb {\n  driver = passwd-file\n  args = ${join(dir, 'users')}\n}`,
    `userdb {\n  driver = static\n  args = uid=${mail.uid} gid=${mail.gid} home=${home}\n}`,
    'mail_location = maildir:~/Maildir',
    `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    'service anvil {\n  chroot =\n}', 'service imap-login {\n  chroot =\n}',
    '',
  ].join('\n'));
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(join(dir, 'state'), { recursive: true });
  const proc = spawn(BINARY, ['-F', '-c', conf], { stdio: 'ignore' });
  await listening(port, proc);
  let n = 0;
  return {
    url: `imap://bounces:${password}@127.0.0.1:${port}/INBOX`,
    deliver(raw) {
      const name = `${Date.now()}.${process.pid}_${++n}.khabar`;
      writeFileSync(join(maildir, 'tmp', name), raw);
      chownSync(join(maildir, 'tmp', name), mail.uid, mail.gid);
      renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name));
    },
    async stop() {
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      await exited;
      if (!process.env.KEEP_DOVECOT) rmSync(dir, { recursive: true, force: true });
    },
  };
}

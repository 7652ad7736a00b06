// A real SMTP server on the loopback that keeps every message it accepts (smtp-server), and small readers of what
// it kept: headers, the text and HTML parts (quoted-printable decoded), and DKIM checked by mailauth.
import { SMTPServer } from 'smtp-server';
import { generateKeyPairSync } from 'node:crypto';
import type { AppContext } from '../../src/context.ts';
import { setNewsletterSecrets, updateNewsletterSettings } from '../../src/newsletters/settings.ts';

export interface Kept {
  from: string;
  to: string[];
  raw: string;
}

export interface MailSink {
  port: number;
  kept: Kept[];
  /** resolves when `n` messages in all have been kept */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const kept: Kept[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, size: 10 * 1024 * 1024,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        kept.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        for (const w of [...waiters]) if (kept.length >= w.n) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return {
    port, kept,
    waitFor: (n) => (kept.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Points the newsroom's letters at the sink, signed with a fresh DKIM key; returns the key's DNS record. */
export async function useSink(ctx: AppContext, sink: MailSink, settings: Record<string, unknown> = {}): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await updateNewsletterSettings(ctx, { dkimDomain: 'khabar.test', dkimSelector: 'news', fromAddress: 'news@khabar.test', bounceAddress: 'bounces@khabar.test', ratePerSecond: 0, ...settings });
  await setNewsletterSecrets(ctx, { smtpUrl: `smtp://127.0.0.1:${sink.port}`, dkimPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  return `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
}

/** A header's value (unfolded), or ''. */
export function header(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r\\n[ \\t].*)*)`, 'im').exec(head);
  return m ? m[1].replace(/\r\n[ \t]+/g, ' ').trim() : '';
}

function qp(s: string): string {
  return Buffer.from(s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

/** The decoded body of the part with this content type. */
export function part(raw: string, type: 'text/plain' | 'text/html'): string {
  const i = raw.search(new RegExp(`Content-Type: ${type}`, 'i'));
  if (i < 0) return '';
  const rest = raw.slice(i);
  const start = rest.indexOf('\r\n\r\n') + 4;
  const end = rest.indexOf('\r\n--', start);
  const body = rest.slice(start, end < 0 ? undefined : end);
  const enc = /Content-Transfer-Encoding:\s*(\S+)/i.exec(rest.slice(0, start))?.[1]?.toLowerCase();
  return enc === 'quoted-printable' ? qp(body) : enc === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
}

/** Messages kept for one address. */
export function letterTo(sink: MailSink, email: string): Kept[] {
  return sink.kept.filter((k) => k.to.includes(email));
}

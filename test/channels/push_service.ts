// A push service on the loopback standing in for a browser vendor's: it holds a browser's keys, decrypts each push
// (RFC 8291 with RFC 8188 aes128gcm, written here from the RFCs, not with the library the server uses) and checks
// the VAPID JWT (RFC 8292: ES256 over the server's key, audience = this origin, expiry within a day).
import { createECDH, createDecipheriv, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  box: string;
  payload: string;
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  ttl: string | null;
  urgency: string | null;
}

export interface Browser {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

export class PushService {
  private server!: Server;
  private boxes = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer; answer: number }>();
  readonly received: Received[] = [];
  readonly refused: string[] = [];
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const box = decodeURIComponent((req.url ?? '').replace(/^\/push\//, ''));
          const got = this.take(box, req.headers as Record<string, string | undefined>, Buffer.concat(chunks));
          res.statusCode = got;
        } catch (err) {
          this.refused.push((err as Error).message);
          res.statusCode = 400;
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A browser's subscription: its own P-256 key pair and auth secret. */
  browser(box: string): Browser {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.boxes.set(box, { ecdh, auth, answer: 201 });
    return { endpoint: `${this.origin}/push/${box}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
  }

  /** What the service answers for a box from now on (410: the subscription is gone). */
  answer(box: string, status: number): void {
    this.boxes.get(box)!.answer = status;
  }

  private take(box: string, headers: Record<string, string | undefined>, body: Buffer): number {
    const b = this.boxes.get(box);
    if (!b) return 404;
    if (b.answer !== 201) return b.answer;
    const { key, claims } = this.checkVapid(headers.authorization ?? '');
    if (headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${headers['content-encoding']}`);
    const payload = decrypt(body, b.ecdh, b.auth);
    this.received.push({ box, payload, vapidKey: key, claims, ttl: headers.ttl ?? null, urgency: headers.urgency ?? null });
    return 201;
  }

  /** RFC 8292 §3: Authorization: vapid t=<JWT>, k=<the server's P-256 public key>. */
  private checkVapid(header: string): { key: string; claims: Received['claims'] } {
    const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
    if (!m) throw new Error(`no VAPID authorization: ${header.slice(0, 40)}`);
    const [jwt, k] = [m[1], m[2]];
    const [h, p, s] = jwt.split('.');
    const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; typ: string };
    if (head.alg !== 'ES256') throw new Error(`JWT alg ${head.alg}`);
    const point = Buffer.from(k, 'base64url');
    if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
    const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
    if (!ok) throw new Error('the VAPID signature does not verify');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Received['claims'];
    if (claims.aud !== this.origin) throw new Error(`JWT aud ${claims.aud}`);
    const now = Date.now() / 1000;
    if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error(`JWT exp ${claims.exp}`);
    if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`JWT sub ${claims.sub}`);
    return { key: k, claims };
  }
}

/** RFC 8188 §2 header (salt, rs, keyid = the server's ephemeral key) and RFC 8291 §3.3-3.4 key derivation. */
export function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const asPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (records.length > rs) throw new Error('more than one record');
  const uaPublic = ecdh.getPublicKey();
  const ecdhSecret = ecdh.computeSecret(asPublic);
  const prkKey = hmac(auth, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'latin1')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const plain = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then padding zeros (RFC 8188 §2).
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('no last-record delimiter');
  return plain.subarray(0, end).toString('utf8');
}

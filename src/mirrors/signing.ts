// The newsroom's signing key: an Ed25519 key pair made the first time it is needed and kept in mirror_settings,
// its private half sealed with the site's secret (a copy of the database alone cannot sign). Every mirror and
// offline edition carries a manifest signed with it; the public half is published on the site, in every copy's
// footer and in docs/mirrors.md, so a reader or `khabar verify-mirror` can tell a real copy from a fake one.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { openFor, sealFor } from '../auth/secret_box.ts';

const PURPOSE = 'mirrors:signing-key';
const ROW = 'signing-key';

export interface SigningKey {
  privateKey: KeyObject;
  /** the raw 32-byte public key, base64url: what the footer, docs and `verify-mirror --key` show */
  publicKey: string;
}

const known = new WeakMap<AppContext, Promise<SigningKey>>();

/** The newsroom's signing key, made and stored on first use. Two instances racing make one key: the second
 * insert does nothing and both read back the stored one. */
export function signingKey(ctx: AppContext): Promise<SigningKey> {
  let k = known.get(ctx);
  if (!k) {
    k = loadOrMake(ctx);
    known.set(ctx, k);
    k.catch(() => known.delete(ctx));
  }
  return k;
}

/** The stored key's public half, or null when the newsroom has not made one yet (nothing is made here). */
export async function storedPublicKey(ctx: AppContext): Promise<string | null> {
  const row = await ctx.db.selectFrom('mirror_settings').select('value').where('key', '=', ROW).executeTakeFirst();
  return row ? (await signingKey(ctx)).publicKey : null;
}

async function loadOrMake(ctx: AppContext): Promise<SigningKey> {
  const read = async () => (await ctx.db.selectFrom('mirror_settings').select('value').where('key', '=', ROW).executeTakeFirst())?.value;
  let stored = await read();
  if (!stored) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url');
    await ctx.db.insertInto('mirror_settings').values({ key: ROW, value: sealFor(ctx.secret, PURPOSE, der) })
      .onConflict((oc) => oc.column('key').doNothing()).execute();
    stored = await read();
  }
  const der = stored ? openFor(ctx.secret, PURPOSE, stored) : null;
  if (!der) throw new Error('the mirror signing key cannot be opened: it was sealed with another KHABAR_SECRET');
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64url'), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/** An Ed25519 public key's 32 raw bytes, base64url. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return String(jwk.x);
}

/** A public key given as its 32 raw bytes in base64url (what rawPublicKey gives); null when it is not one. */
export function publicKeyFrom(text: string): KeyObject | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(t)) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: t }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** A detached Ed25519 signature of the bytes, base64url. */
export function signBytes(key: KeyObject, bytes: Buffer): string {
  return sign(null, bytes, key).toString('base64url');
}

export function signatureHolds(key: KeyObject, bytes: Buffer, signature: string): boolean {
  if (!/^[A-Za-z0-9_-]{86}$/.test(signature.trim())) return false;
  return verify(null, bytes, key, Buffer.from(signature.trim(), 'base64url'));
}

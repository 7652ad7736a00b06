// Content API keys (the api_keys table, tables.ts): created and revoked by admins; a key is shown once and only its SHA-256 is kept
// (keys are 32 random bytes, so a fast hash is enough and lookups stay one indexed query).
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requiredText } from '../content/fields.ts';

/** The first letters of a key say what it opens: khk_ the Content API, kha_ an aggregator's syndication feed. */
export type KeyKind = 'khk' | 'kha';

/** The SHA-256 of a key, hex: what is stored and looked up. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key of the kind (32 random bytes), its prefix for lists and its hash for storage. */
export function issueKey(kind: KeyKind): { key: string; prefix: string; hash: string } {
  const key = `${kind}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 10), hash: hashKey(key) };
}

/** Whether the text has the shape of a key of the kind (checked before any lookup). */
export function wellFormedKey(kind: KeyKind, key: string): boolean {
  return key.length === 47 && key.startsWith(`${kind}_`) && /^[A-Za-z0-9_-]+$/.test(key.slice(4));
}

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  createdBy: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function view(r: { id: number; name: string; prefix: string; created_by: number | null; created_at: string; last_used_at: string | null; revoked_at: string | null }): ApiKeyView {
  return { id: r.id, name: r.name, prefix: r.prefix, createdBy: r.created_by, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

/** Every key, newest first (never the key itself). */
export async function listApiKeys(db: Db): Promise<ApiKeyView[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map(view);
}

/** Creates a key; the returned `key` is the only time it can be read. */
export async function createApiKey(ctx: AppContext, name: unknown, createdBy: number | null): Promise<{ key: string; apiKey: ApiKeyView }> {
  const label = requiredText('name', name, 100);
  const { key, prefix, hash } = issueKey('khk');
  const row = await ctx.db.insertInto('api_keys').values({
    name: label, prefix, key_hash: hash, created_by: createdBy, created_at: ctx.clock.now().toISOString(),
    last_used_at: null, revoked_at: null,
  }).returningAll().executeTakeFirstOrThrow();
  return { key, apiKey: view(row) };
}

/** Revokes a key; requests with it are refused from then on. */
export async function revokeApiKey(ctx: AppContext, id: number): Promise<void> {
  const row = await ctx.db.selectFrom('api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('API key not found');
  if (row.revoked_at) throw new ConflictError('This API key is already revoked');
  await ctx.db.updateTable('api_keys').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
}

/** Whether a key last used at `last` has its use noted `now`: at most once a minute, so reads stay reads. */
export function useToNote(last: string | null, now: string): boolean {
  return !last || last.slice(0, 16) !== now.slice(0, 16);
}

/** Whether the key is one we issued and have not revoked; notes when it was last used (at most once a minute). */
export async function checkApiKey(ctx: AppContext, key: string): Promise<boolean> {
  if (!wellFormedKey('khk', key)) return false;
  const row = await ctx.db.selectFrom('api_keys').select(['id', 'revoked_at', 'last_used_at']).where('key_hash', '=', hashKey(key)).executeTakeFirst();
  if (!row || row.revoked_at) return false;
  const now = ctx.clock.now().toISOString();
  if (useToNote(row.last_used_at, now)) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return true;
}

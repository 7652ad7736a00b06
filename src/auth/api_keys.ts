// Every key the newsroom issues, in one table (api_keys, tables.ts) with its kind: Content API keys (khk_...),
// created and revoked by admins, and aggregators' feed keys (kha_..., src/syndication/aggregators.ts keeps their
// usage). A key is shown once and only its SHA-256 is kept (keys are 32 random bytes, so a fast hash is enough and
// lookups stay one indexed query).
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requiredText } from '../content/fields.ts';
import type { KeyKind } from './tables.ts';

export type { KeyKind };

/** The first letters of a key say what it opens: khk_ the Content API, kha_ an aggregator's syndication feed. */
const PREFIX: Record<KeyKind, string> = { content: 'khk', aggregator: 'kha' };

/** The SHA-256 of a key, hex: what is stored and looked up. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key of the kind (32 random bytes), its prefix for lists and its hash for storage. */
export function issueKey(kind: KeyKind): { key: string; prefix: string; hash: string } {
  const key = `${PREFIX[kind]}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 10), hash: hashKey(key) };
}

/** Whether the text has the shape of a key of the kind (checked before any lookup). */
export function wellFormedKey(kind: KeyKind, key: string): boolean {
  return key.length === 47 && key.startsWith(`${PREFIX[kind]}_`) && /^[A-Za-z0-9_-]+$/.test(key.slice(4));
}

/** A stored key as its owner's lists show it (never the key or its hash). */
export interface KeyRecord {
  id: number;
  name: string;
  licence: string;
  prefix: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const RECORD = ['id', 'name', 'licence', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Every key of the kind, newest first. */
export function keyRecords(db: Db, kind: KeyKind): Promise<KeyRecord[]> {
  return db.selectFrom('api_keys').select(RECORD).where('kind', '=', kind).orderBy('id', 'desc').execute();
}

/** One key of the kind, or undefined. */
export function keyRecord(db: Db, kind: KeyKind, id: number): Promise<KeyRecord | undefined> {
  return db.selectFrom('api_keys').select(RECORD).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
}

/** Issues a key of the kind; the returned `key` is the only time it can be read. */
export async function issueStoredKey(ctx: AppContext, kind: KeyKind, fields: { name: string; licence?: string }, createdBy: number | null): Promise<{ key: string; record: KeyRecord }> {
  const { key, prefix, hash } = issueKey(kind);
  const record = await ctx.db.insertInto('api_keys').values({
    kind, name: fields.name, licence: fields.licence ?? '', prefix, key_hash: hash, created_by: createdBy, created_at: ctx.clock.now().toISOString(),
    last_used_at: null, revoked_at: null,
  }).returning(RECORD).executeTakeFirstOrThrow();
  return { key, record };
}

/** Changes a key's name or licence statement. */
export async function relabelKey(db: Db, kind: KeyKind, id: number, set: { name?: string; licence?: string }): Promise<void> {
  if (Object.keys(set).length) await db.updateTable('api_keys').set(set).where('kind', '=', kind).where('id', '=', id).execute();
}

/** Replaces a key with a new one (the old stops working at once; a revoked key works again). */
export async function renewKey(db: Db, kind: KeyKind, id: number): Promise<string> {
  const { key, prefix, hash } = issueKey(kind);
  await db.updateTable('api_keys').set({ prefix, key_hash: hash, revoked_at: null }).where('kind', '=', kind).where('id', '=', id).execute();
  return key;
}

/** Revokes a key of the kind: requests with it are refused from then on. */
export async function revokeKey(ctx: AppContext, kind: KeyKind, id: number): Promise<void> {
  await ctx.db.updateTable('api_keys').set({ revoked_at: ctx.clock.now().toISOString() }).where('kind', '=', kind).where('id', '=', id).execute();
}

/** Deletes a key of the kind (what hangs off it, such as an aggregator's usage, goes with it). */
export async function deleteKey(db: Db, kind: KeyKind, id: number): Promise<void> {
  await db.deleteFrom('api_keys').where('kind', '=', kind).where('id', '=', id).execute();
}

/** The record of the key this text is, if it is one of the kind we issued and have not revoked; notes when it was
 * last used (at most once a minute, so reads stay reads). */
export async function liveKey(ctx: AppContext, kind: KeyKind, key: string): Promise<KeyRecord | null> {
  if (!wellFormedKey(kind, key)) return null;
  const row = await ctx.db.selectFrom('api_keys').select(RECORD).where('kind', '=', kind).where('key_hash', '=', hashKey(key)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const now = ctx.clock.now().toISOString();
  if (useToNote(row.last_used_at, now)) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return row;
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

/** Every Content API key, newest first (never the key itself). */
export async function listApiKeys(db: Db): Promise<ApiKeyView[]> {
  return (await keyRecords(db, 'content')).map(view);
}

/** Creates a key; the returned `key` is the only time it can be read. */
export async function createApiKey(ctx: AppContext, name: unknown, createdBy: number | null): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { key, record } = await issueStoredKey(ctx, 'content', { name: requiredText('name', name, 100) }, createdBy);
  return { key, apiKey: view(record) };
}

/** Revokes a key; requests with it are refused from then on. */
export async function revokeApiKey(ctx: AppContext, id: number): Promise<void> {
  const row = await keyRecord(ctx.db, 'content', id);
  if (!row) throw new NotFoundError('API key not found');
  if (row.revoked_at) throw new ConflictError('This API key is already revoked');
  await revokeKey(ctx, 'content', id);
}

/** Whether a key last used at `last` has its use noted `now`: at most once a minute, so reads stay reads. */
export function useToNote(last: string | null, now: string): boolean {
  return !last || last.slice(0, 16) !== now.slice(0, 16);
}

/** Whether the text is a Content API key we issued and have not revoked (its use noted, at most once a minute). */
export async function checkApiKey(ctx: AppContext, key: string): Promise<boolean> {
  return (await liveKey(ctx, 'content', key)) !== null;
}

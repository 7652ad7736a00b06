// How many proof-of-work challenges went out lately, per address, network, article (or other target) and
// site-wide: the pressure the proof's cost follows (bot_defence.ts). Counted in windows of fixed length on
// ctx.clock, read as a sliding window (this window plus the unexpired share of the last one). With REDIS_URL
// every instance counts in Redis (the store the rate limits share); without it, in this process (one instance).
import type { AppContext } from '../context.ts';
import { loadPackage } from '../load_later.ts';

/** One counter: its name (e.g. "address:203.0.113.7") and the length of its window. */
export interface PressureKey {
  name: string;
  windowMs: number;
}

/** Adds one to each key and answers each key's count over its sliding window (this one included). */
export interface PressureStore {
  hit(keys: PressureKey[], now: number): Promise<number[]>;
  /** Each key's count without adding to it. */
  peek(keys: PressureKey[], now: number): Promise<number[]>;
  close(): Promise<void>;
}

const slot = (k: PressureKey, now: number) => Math.floor(now / k.windowMs);
const share = (k: PressureKey, now: number) => 1 - (now % k.windowMs) / k.windowMs;

/** Counters in this process's memory; windows older than the last one are dropped as they pass. */
export function memoryPressure(): PressureStore {
  const counts = new Map<string, { slot: number; n: number; last: number; windowMs: number }>();
  const read = (k: PressureKey, now: number, add: number) => {
    const s = slot(k, now);
    let c = counts.get(k.name);
    if (!c || c.slot < s - 1) c = { slot: s, n: 0, last: 0, windowMs: k.windowMs };
    else if (c.slot === s - 1) c = { slot: s, n: 0, last: c.n, windowMs: k.windowMs };
    c.n += add;
    if (add || counts.has(k.name)) counts.set(k.name, c);
    return c.n + c.last * share(k, now);
  };
  let sweptAt = 0;
  return {
    async hit(keys, now) {
      if (now - sweptAt > 60_000 && counts.size > 10_000) {
        sweptAt = now;
        for (const [name, c] of counts) if (c.slot < Math.floor(now / c.windowMs) - 1) counts.delete(name);
      }
      return keys.map((k) => read(k, now, 1));
    },
    async peek(keys, now) {
      return keys.map((k) => read(k, now, 0));
    },
    async close() {},
  };
}

type Redis = import('ioredis').Redis;

/** Counters in Redis, shared by every instance: INCR on this window's key (expiring after two windows) and GET of
 * the last window's, in one round trip. */
export function redisPressure(url: string, prefix: string): PressureStore {
  const { Redis } = loadPackage<typeof import('ioredis')>('ioredis');
  const redis: Redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const key = (k: PressureKey, s: number) => `${prefix}-pow:${k.name}:${s}`;
  const run = async (keys: PressureKey[], now: number, add: boolean) => {
    const p = redis.pipeline();
    for (const k of keys) {
      const s = slot(k, now);
      if (add) p.incr(key(k, s)).pexpire(key(k, s), 2 * k.windowMs);
      else p.get(key(k, s));
      p.get(key(k, s - 1));
    }
    const out = (await p.exec()) ?? [];
    const per = add ? 3 : 2;
    return keys.map((k, i) => {
      const current = Number(out[i * per]?.[1] ?? 0);
      const last = Number(out[i * per + per - 1]?.[1] ?? 0);
      return current + last * share(k, now);
    });
  };
  return {
    hit: (keys, now) => run(keys, now, true),
    peek: (keys, now) => run(keys, now, false),
    async close() { redis.disconnect(); },
  };
}

const stores = new WeakMap<AppContext, PressureStore>();

/** The context's pressure store: Redis when REDIS_URL is set, else this process's memory. */
export function pressureStore(ctx: AppContext): PressureStore {
  let s = stores.get(ctx);
  if (!s) {
    s = ctx.config.redisUrl ? redisPressure(ctx.config.redisUrl, ctx.config.redisPrefix) : memoryPressure();
    stores.set(ctx, s);
  }
  return s;
}

/** Closes the context's store (its Redis connection) when the app stops. */
export async function closePressureStore(ctx: AppContext): Promise<void> {
  const s = stores.get(ctx);
  stores.delete(ctx);
  await s?.close();
}

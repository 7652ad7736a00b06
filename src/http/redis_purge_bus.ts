// Purges shared between instances through Redis pub/sub: each instance purges its own cache at once, then tells
// the others on one channel; a message an instance sent itself is skipped (it has purged already). Every instance
// also notes in Redis which addresses it stored under each tag, so that the instance making a change learns all the
// addresses to tell the CDN (one set per tag, taken and emptied by the purge, forgotten after a day).
import { randomUUID } from 'node:crypto';
import type { Redis as RedisClient } from 'ioredis';
import { loadPackage } from '../load_later.ts';
import { LocalPurgeBus } from './page_cache.ts';

export const PURGE_CHANNEL = 'khabar:page-purge';
/** Long enough for any page a CDN may still hold; an idle tag's set then goes by itself. */
const INDEX_SECONDS = 24 * 3600;

export class RedisPurgeBus extends LocalPurgeBus {
  private readonly id = randomUUID();
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  /** resolves once this instance hears the others' purges */
  readonly ready: Promise<unknown>;

  constructor(url: string, private readonly log: (msg: string, err?: unknown) => void, private readonly channel = PURGE_CHANNEL) {
    super();
    const { Redis } = loadPackage<typeof import('ioredis')>('ioredis');
    this.pub = new Redis(url, { maxRetriesPerRequest: 1 });
    this.sub = new Redis(url);
    // ioredis reconnects by itself; without a listener its "error" events would be unhandled (and fatal).
    for (const client of [this.pub, this.sub]) client.on('error', (err: unknown) => this.log('Redis (page purges) unreachable; retrying', err));
    this.ready = this.sub.subscribe(channel);
    this.sub.on('message', (_channel: string, message: string) => {
      try {
        const { from, tags } = JSON.parse(message) as { from: string; tags: string[] };
        if (from !== this.id && Array.isArray(tags)) this.deliver(tags.map(String), false);
      } catch (err) {
        this.log('purge message from Redis not understood', err);
      }
    });
  }

  private indexKey(tag: string): string {
    return `${this.channel}:tag:${tag}`;
  }

  stored(key: string, tags: readonly string[]): void {
    if (tags.length === 0) return;
    const batch = this.pub.multi();
    for (const t of tags) batch.sadd(this.indexKey(t), key).expire(this.indexKey(t), INDEX_SECONDS);
    batch.exec().catch((err: unknown) => this.log('stored page not noted in Redis', err));
  }

  override async publish(tags: readonly string[]): Promise<string[]> {
    this.deliver(tags, true);
    // The other instances' copies go stale only until their own time limit if Redis is away: logged, not thrown,
    // so the change that caused the purge is never undone.
    let elsewhere: string[] = [];
    try {
      const keys = tags.map((t) => this.indexKey(t));
      const taken = keys.length ? await this.pub.multi().sunion(...keys).del(...keys).exec() : null;
      const members = taken?.[0]?.[1];
      if (Array.isArray(members)) elsewhere = members.map(String);
      await this.pub.publish(this.channel, JSON.stringify({ from: this.id, tags }));
    } catch (err) {
      this.log('purge not sent to Redis', err);
    }
    return elsewhere;
  }

  close(): void {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

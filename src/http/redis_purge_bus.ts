// Purges shared between instances through Redis pub/sub: each instance purges its own cache at once, then tells
// the others on one channel; a message an instance sent itself is skipped (it has purged already).
import { randomUUID } from 'node:crypto';
import type { Redis as RedisClient } from 'ioredis';
import { loadPackage } from '../load_later.ts';
import { LocalPurgeBus } from './page_cache.ts';

export const PURGE_CHANNEL = 'khabar:page-purge';

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

  override async publish(tags: readonly string[]): Promise<void> {
    this.deliver(tags, true);
    // The other instances' copies go stale only until their own time limit if Redis is away: logged, not thrown,
    // so the change that caused the purge is never undone.
    await this.pub.publish(this.channel, JSON.stringify({ from: this.id, tags })).catch((err: unknown) => this.log('purge not sent to Redis', err));
  }

  close(): void {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

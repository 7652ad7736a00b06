// Reads that every page repeats (settings, sections, an article with its parts, rails, comment threads) kept in
// memory until anything they could show changes. Not a page cache: pages are still rendered on every request.
// Any change event empties it at once; the time limit bounds how stale another instance's change can look until
// events travel between instances.
import type { Clock } from '../clock.ts';
import type { EventBus, KhabarEvents } from '../events.ts';

const INVALIDATING: (keyof KhabarEvents)[] = ['article.changed', 'article.published', 'comment.changed', 'settings.changed', 'section.changed', 'ads.changed', 'content.changed',
  'front.changed', 'breaking.changed', 'newsletters.changed', 'audience.most_read', 'mirrors.changed'];

export class ReadCache {
  private entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private clock: Clock, events: EventBus, private ttlMs = 10_000, private maxEntries = 5000) {
    // emptied at the 'refresh' stage: a page rendered after the page cache's purge reads the change
    for (const e of INVALIDATING) events.on(e, () => this.clear(), 'refresh');
  }

  /** The cached value for the key, or what `load` gives (failures are not kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    if (this.entries.size >= this.maxEntries) this.clear();
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

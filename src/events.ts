// One small event bus for side effects of a change (cache purge, search index, feeds, webhooks).
// Handlers run after the change is committed; a failing handler is logged, never undoes the change.
export interface KhabarEvents {
  'article.changed': { articleId: number; slug: string; reason: string };
  'article.published': { articleId: number; slug: string };
  'comment.changed': { articleId: number; commentId: number; status: string };
  'settings.changed': { keys: string[] };
  'section.changed': { sectionId: number };
  'ads.changed': Record<string, never>;
  /** people, tags, sources and media: what bylines, bios, publisher boxes and images show */
  'content.changed': { kind: 'person' | 'tag' | 'source' | 'media'; id: number };
}

type Handler<K extends keyof KhabarEvents> = (payload: KhabarEvents[K]) => void | Promise<void>;

export class EventBus {
  private handlers = new Map<keyof KhabarEvents, Handler<never>[]>();
  constructor(private onError: (err: unknown, event: string) => void = (err, event) => console.error(`event ${event} handler failed:`, err)) {}

  on<K extends keyof KhabarEvents>(event: K, handler: Handler<K>): () => void {
    const list = (this.handlers.get(event) ?? []) as Handler<K>[];
    list.push(handler);
    this.handlers.set(event, list as Handler<never>[]);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Runs every handler for the event; awaits them so tests can observe the effects. */
  async emit<K extends keyof KhabarEvents>(event: K, payload: KhabarEvents[K]): Promise<void> {
    const list = (this.handlers.get(event) ?? []) as Handler<K>[];
    for (const h of list) {
      try {
        await h(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}

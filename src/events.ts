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
  /** an editor's choice on a front ('home:en', 'section:3:fa') changed, or a pin on it ended */
  'front.changed': { front: string };
  /** a language's breaking-news strip was set, removed or ended */
  'breaking.changed': { language: string };
  /** a newsletter list was made, changed or deleted: the sign-up forms on pages list them */
  'newsletters.changed': { listId: number };
  /** the readers' "Most read" list of these languages changed (src/audience/most_read.ts) */
  'audience.most_read': { languages: string[] };
  'live.entry.posted': { articleId: number; entryId: number; language: string; text: string; url: string; key: boolean; alert: boolean; channels: boolean };
  /** a mirror was added or removed, or became or stopped being current: footers list the current ones */
  'mirrors.changed': { mirrorId: number };
  /** an offline edition was made: /offline/ lists it (src/mirrors/offline_edition.ts) */
  'offline.changed': { lang: string; date: string };
}

type Handler<K extends keyof KhabarEvents> = (payload: KhabarEvents[K]) => void | Promise<void>;

/** When a handler runs. 'refresh': it brings what is derived from the content up to date (the search index, kept
 * reads); every 'refresh' handler has finished before any other runs. 'tell' (the rest): it tells readers' copies that
 * they are stale (page-cache purges, CDN webhooks). The other way round, a page rendered between a purge and the
 * refresh would be stored with what the refresh was about to change. */
export type HandlerStage = 'refresh' | 'tell';

export class EventBus {
  private handlers = new Map<keyof KhabarEvents, { handler: Handler<never>; stage: HandlerStage }[]>();
  constructor(private onError: (err: unknown, event: string) => void = (err, event) => console.error(`event ${event} handler failed:`, err)) {}

  on<K extends keyof KhabarEvents>(event: K, handler: Handler<K>, stage: HandlerStage = 'tell'): () => void {
    const list = this.handlers.get(event) ?? [];
    const entry = { handler: handler as Handler<never>, stage };
    list.push(entry);
    this.handlers.set(event, list);
    return () => {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /** Runs every handler for the event, the 'refresh' ones first, each stage in the order they were added; awaits
   * them so tests can observe the effects. */
  async emit<K extends keyof KhabarEvents>(event: K, payload: KhabarEvents[K]): Promise<void> {
    const all = this.handlers.get(event) ?? [];
    const list = [...all.filter((e) => e.stage === 'refresh'), ...all.filter((e) => e.stage !== 'refresh')].map((e) => e.handler as Handler<K>);
    for (const h of list) {
      try {
        await h(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}

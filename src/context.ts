// Everything a request handler or job needs, built once per process (or per test).
import type { Config } from './config.ts';
import type { Db } from './db/schema.ts';
import type { DialectName } from './db/index.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { MediaStore } from './media/store.ts';
import type { ReadCache } from './content/read_cache.ts';

export interface AppContext {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  events: EventBus;
  media: MediaStore;
  /** repeated reads kept until content changes (see read_cache.ts) */
  reads: ReadCache;
  /** process secret for signing (challenges, tokens); never logged */
  secret: string;
}

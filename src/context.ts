// Everything a request handler or job needs, built once per process (or per test).
import type { Config } from './config.ts';
import type { Db } from './db/schema.ts';
import type { DialectName } from './db/index.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { MediaStore } from './media/store.ts';

export interface AppContext {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  events: EventBus;
  media: MediaStore;
  /** process secret for signing (challenges, tokens); never logged */
  secret: string;
}

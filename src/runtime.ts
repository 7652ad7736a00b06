// Builds the process's AppContext from a Config: opens and migrates the database, loads the secret.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type OpenOptions } from './db/index.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock, type Clock } from './clock.ts';
import { EventBus } from './events.ts';
import { DiskMediaStore } from './media/store.ts';
import { S3MediaStore } from './media/s3_store.ts';
import { ReadCache } from './content/read_cache.ts';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './auth/passwords.ts';
import { smtpTransport, type MailTransport } from './auth/mail.ts';
import { VERIFY_URLS, type CaptchaVerifyUrls } from './comments/captcha_urls.ts';
import { fillEmptySearchIndex, watchForSearch } from './search/watch.ts';
import { jsonLog, type Log } from './log.ts';
import { watchForChannels } from './channels/watch.ts';

export interface Runtime {
  ctx: AppContext;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections now (for /metrics) */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/** Reads KHABAR_SECRET or a secret kept in the data dir (created on first start, mode 0600). */
export function loadSecret(config: Config): string {
  if (config.secret) return config.secret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** What a test may put in place of the real thing; the server takes every default. */
export interface RuntimeOptions {
  clock?: Clock;
  dbOptions?: OpenOptions;
  migrate?: boolean;
  passwordCost?: PasswordCost;
  mail?: MailTransport | null;
  captchaVerifyUrls?: CaptchaVerifyUrls;
  log?: Log;
}

export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const { db, dialect, close, poolStats } = openDatabase(config.databaseUrl, { poolSize: config.dbPool, ...opts.dbOptions });
  if (opts.migrate !== false) await migrateToLatest(db, { schema: opts.dbOptions?.schema });
  const clock = opts.clock ?? systemClock;
  const events = new EventBus();
  const ctx: AppContext = {
    config,
    db,
    dialect,
    clock,
    events,
    reads: new ReadCache(clock, events),
    media: config.s3 ? new S3MediaStore(config.s3) : new DiskMediaStore(config.mediaDir),
    secret: loadSecret(config),
    passwordCost: opts.passwordCost ?? DEFAULT_PASSWORD_COST,
    mail: opts.mail !== undefined ? opts.mail : config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
    captchaVerifyUrls: opts.captchaVerifyUrls ?? VERIFY_URLS,
    log: opts.log ?? jsonLog(config.logLevel),
  };
  watchForSearch(ctx);
  watchForChannels(ctx);
  if (opts.migrate !== false) await fillEmptySearchIndex(ctx);
  return { ctx, close, ...(poolStats ? { poolStats } : {}) };
}

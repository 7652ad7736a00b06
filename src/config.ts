// Environment -> one typed, validated config object. Every setting the process reads lives here.
import { resolve, join } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** sqlite file path or postgres:// URL */
  databaseUrl: string;
  redisUrl: string | null;
  demo: boolean;
  /** Public origin used in links printed to the console and in emails, e.g. https://news.example */
  publicUrl: string;
  /** Secret for signing challenges and tokens; generated into the data dir when not given. */
  secret: string | null;
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | null;
}

export class ConfigError extends Error {}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** Reads the environment into a Config, throwing ConfigError with a message a person can act on. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const port = int('PORT', env.PORT, 3000, 0, 65535);
  const dataDir = resolve(env.KHABAR_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || join(dataDir, 'khabar.sqlite');
  if (/^[a-z]+:\/\//i.test(databaseUrl) && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL or a SQLite file path, got "${databaseUrl.split(':')[0]}://..."`);
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const publicUrl = (env.KHABAR_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  return {
    host,
    port,
    dataDir,
    databaseUrl,
    redisUrl,
    demo: bool('KHABAR_DEMO', env.KHABAR_DEMO, true),
    publicUrl,
    secret: env.KHABAR_SECRET || null,
    trustProxy: bool('KHABAR_TRUST_PROXY', env.KHABAR_TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || null,
  };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

// Environment -> one typed, validated config object. Every setting the process reads lives here: no other
// file reads process.env, and each bad value stops the start with a message naming the setting.
import { isIP } from 'node:net';
import { statSync } from 'node:fs';
import { resolve, join } from 'node:path';

/** Every environment variable the process reads; the CLI test checks each of them. */
export const SETTING_NAMES = [
  'HOST',
  'PORT',
  'LOG_LEVEL',
  'KHABAR_PUBLIC_URL',
  'KHABAR_DATA_DIR',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'KHABAR_SECRET',
  'KHABAR_DEMO',
  'KHABAR_TRUST_PROXY',
  'KHABAR_PAGE_CACHE_MB',
  'KHABAR_PURGE_WEBHOOK',
  'KHABAR_METRICS',
  'KHABAR_FETCH_ALLOW',
  'KHABAR_ONION_URL',
  'KHABAR_MIRRORS',
  'KHABAR_REDIS_PREFIX',
  'KHABAR_MEDIA_DIR',
  'KHABAR_S3_ENDPOINT',
  'KHABAR_S3_BUCKET',
  'KHABAR_S3_REGION',
  'KHABAR_S3_ACCESS_KEY_ID',
  'KHABAR_S3_SECRET_ACCESS_KEY',
  'KHABAR_S3_PATH_STYLE',
  'KHABAR_DB_POOL',
  'KHABAR_AUDIENCE',
  'KHABAR_AUDIENCE_RAW_DAYS',
  'KHABAR_TELEGRAM_API',
  'KHABAR_PUSH_ALLOW',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export type Environment = Partial<Record<SettingName, string | undefined>>;

/** One line per setting for `khabar <command> --help` (docs/configuration.md has the full table). The type makes a
 * new setting in SETTING_NAMES fail to compile until it is described here. */
export const SETTING_HELP: Record<SettingName, string> = {
  HOST: 'the address to listen on (default 127.0.0.1)',
  PORT: 'the port to listen on (default 3000; 0: any free port)',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent',
  KHABAR_PUBLIC_URL: "the site's public address (https://news.example), used in links and emails",
  KHABAR_DATA_DIR: 'data folder: SQLite file, media, secret (default ./data)',
  DATABASE_URL: 'postgres://... to use PostgreSQL (default: SQLite in the data folder)',
  REDIS_URL: 'redis://... for rate limits, sessions and purges shared between instances',
  SMTP_URL: 'smtp://... or smtps://... to send email (invitations, password resets)',
  KHABAR_SECRET: 'signing secret, 16+ characters (default: generated into the data folder)',
  KHABAR_DEMO: '0: do not create the demo newsroom on an empty database',
  KHABAR_TRUST_PROXY: '1: behind a reverse proxy or CDN (client address from X-Forwarded-For)',
  KHABAR_PAGE_CACHE_MB: 'memory for ready-to-send public pages (default 32; 0 turns the cache off)',
  KHABAR_PURGE_WEBHOOK: 'an address told the purged page addresses after each change (a CDN purge hook)',
  KHABAR_METRICS: 'who may read /metrics: local (default), open or off',
  KHABAR_FETCH_ALLOW: 'private addresses/networks partner fetches may reach (e.g. 10.0.0.0/8)',
  KHABAR_ONION_URL: "the site's onion service (http://xxx.onion), announced with Onion-Location",
  KHABAR_MIRRORS: 'comma-separated addresses of mirrors, listed in the footer',
  KHABAR_REDIS_PREFIX: "starts this newsroom's Redis keys and channels (default khabar)",
  KHABAR_MEDIA_DIR: 'media folder (default: media/ in the data folder)',
  KHABAR_S3_ENDPOINT: 'media in an S3-compatible bucket: the service address',
  KHABAR_S3_BUCKET: "the bucket's name",
  KHABAR_S3_REGION: 'the region requests are signed for (default us-east-1)',
  KHABAR_S3_ACCESS_KEY_ID: 'the access key',
  KHABAR_S3_SECRET_ACCESS_KEY: 'its secret key (never logged)',
  KHABAR_S3_PATH_STYLE: '1: endpoint/bucket/key addresses (MinIO and most self-hosted servers)',
  KHABAR_DB_POOL: 'PostgreSQL connections per instance at most (default 10)',
  KHABAR_AUDIENCE: 'count reader page views on the server: 1 or 0 (default 1; docs/audience.md)',
  KHABAR_AUDIENCE_RAW_DAYS: 'days raw page views are kept before only totals remain (default 7, 2 to 400)',
  KHABAR_TELEGRAM_API: 'the Telegram Bot API address channel posts go to (default https://api.telegram.org)',
  KHABAR_PUSH_ALLOW: 'private addresses/networks readers\' push subscriptions may point to, over http too (tests)',
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The shortest KHABAR_SECRET accepted: shorter ones are guessable offline from a signed token. */
export const MIN_SECRET_LENGTH = 16;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** sqlite file path or postgres:// URL */
  databaseUrl: string;
  redisUrl: string | null;
  demo: boolean;
  /** Public origin used in links printed to the console and in emails, e.g. https://news.example (no trailing slash) */
  publicUrl: string;
  /** Whether KHABAR_PUBLIC_URL was given; without it, printed links use the address the server really listens on. */
  publicUrlGiven: boolean;
  /** Secret for signing challenges and tokens; generated into the data dir when not given. */
  secret: string | null;
  trustProxy: boolean;
  logLevel: LogLevel;
  smtpUrl: string | null;
  /** memory for ready-to-send public pages, in bytes; 0 turns the page cache off */
  pageCacheBytes: number;
  /** http(s) address told the purged page URLs after each change (a CDN's purge hook); only from the environment */
  purgeWebhook: string | null;
  /** who may read /metrics: `local` (this machine, not through the proxy), `open`, or `off` */
  metrics: MetricsExposure;
  /** private addresses/networks the partner fetcher may reach anyway (KHABAR_FETCH_ALLOW), e.g. 127.0.0.1/32 */
  fetchAllow: string[];
  /** the site's Tor onion service origin (http://xxx.onion), announced to Tor Browser by the Onion-Location header */
  onionUrl: string | null;
  /** other addresses the site can be read at when its own domain is blocked, listed in every page's footer */
  mirrors: string[];
  /** starts every Redis key and channel of this newsroom, so that several newsrooms (or test runs) share one Redis */
  redisPrefix: string;
  /** where media files live: the data folder's media/ by default; with several instances, a folder they all share */
  mediaDir: string;
  /** an S3-compatible bucket for media instead of the folder (KHABAR_S3_*); null keeps them in mediaDir */
  s3: S3Settings | null;
  /** PostgreSQL: the most connections this instance's pool opens */
  dbPool: number;
  /** whether reader page views are counted (docs/audience.md); off counts nothing */
  audience: boolean;
  /** days each raw page view is kept before only its hourly and daily totals remain */
  audienceRawDays: number;
  /** the Telegram Bot API's address (KHABAR_TELEGRAM_API): a proxy's, or a local stand-in in tests */
  telegramApi: string;
  /** private addresses/networks a push subscription's endpoint may point to (KHABAR_PUSH_ALLOW); none by default */
  pushAllow: string[];
}

/** Where an S3-compatible store is and how to sign for it; the secret key is never logged or echoed. */
export interface S3Settings {
  /** the service's origin, e.g. https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key addresses (MinIO, Garage, most self-hosted servers) rather than bucket.endpoint/key */
  pathStyle: boolean;
}

export const METRICS_EXPOSURES = ['local', 'open', 'off'] as const;
export type MetricsExposure = (typeof METRICS_EXPOSURES)[number];

function mediaDir(raw: string | undefined, data: string): string {
  return raw === undefined ? join(data, 'media') : folder('KHABAR_MEDIA_DIR', raw);
}

const S3_NEEDED = ['KHABAR_S3_ENDPOINT', 'KHABAR_S3_BUCKET', 'KHABAR_S3_ACCESS_KEY_ID', 'KHABAR_S3_SECRET_ACCESS_KEY'] as const;

/** The KHABAR_S3_* settings: none given keeps media in the folder; some given need the four that say where and who. */
function s3(read: (name: SettingName) => string | undefined): S3Settings | null {
  const s3Names = SETTING_NAMES.filter((n) => n.startsWith('KHABAR_S3_'));
  if (s3Names.every((n) => read(n) === undefined)) return null;
  const missing = S3_NEEDED.filter((n) => read(n) === undefined);
  if (missing.length) throw new ConfigError(`Media on S3 needs ${missing.join(', ')} as well`);
  if (read('KHABAR_MEDIA_DIR') !== undefined) throw new ConfigError('KHABAR_MEDIA_DIR and KHABAR_S3_* both say where media go: keep one of them');
  const endpoint = url('KHABAR_S3_ENDPOINT', read('KHABAR_S3_ENDPOINT')!, ['http', 'https']);
  if (endpoint.username || endpoint.password || endpoint.search || endpoint.hash) throw new ConfigError('KHABAR_S3_ENDPOINT must be the service\'s address alone, e.g. https://s3.eu-central-1.amazonaws.com (keys go in KHABAR_S3_ACCESS_KEY_ID and KHABAR_S3_SECRET_ACCESS_KEY)');
  const bucket = read('KHABAR_S3_BUCKET')!;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError(`KHABAR_S3_BUCKET must be a bucket name (3 to 63 lower-case letters, digits, dots or dashes), got "${bucket}"`);
  const region = read('KHABAR_S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]{1,32}$/.test(region)) throw new ConfigError(`KHABAR_S3_REGION must be a region name such as eu-central-1 or auto, got "${region}"`);
  return {
    endpoint: endpoint.href.replace(/\/$/, ''), bucket, region, accessKeyId: read('KHABAR_S3_ACCESS_KEY_ID')!, secretAccessKey: read('KHABAR_S3_SECRET_ACCESS_KEY')!,
    pathStyle: bool('KHABAR_S3_PATH_STYLE', read('KHABAR_S3_PATH_STYLE'), false),
  };
}

function redisPrefix(raw: string | undefined): string {
  if (raw === undefined) return 'khabar';
  if (/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) return raw;
  throw new ConfigError(`KHABAR_REDIS_PREFIX must be 1 to 64 letters, digits, dots, dashes or underscores, got "${raw}"`);
}

/** One of a fixed list of words (LOG_LEVEL, KHABAR_METRICS), or a ConfigError naming the setting and the list. */
function oneOf<T extends string>(name: SettingName, raw: string | undefined, words: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if ((words as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(`${name} must be one of ${words.join(', ')}, got "${raw}"`);
}

export class ConfigError extends Error {}

/** The value, or undefined when unset or empty (an empty variable means "use the default"). */
function given(raw: string | undefined): string | undefined {
  return raw === undefined || raw === '' ? undefined : raw;
}

function int(name: SettingName, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(name: SettingName, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** A URL with one of `schemes` and a host, or a ConfigError naming the setting (credentials are never echoed). */
function url(name: SettingName, raw: string, schemes: string[], needsHost = true): URL {
  const wanted = schemes.map((s) => `${s}://`).join(' or ');
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a ${wanted} URL, got something that is not a URL`);
  }
  if (!schemes.includes(u.protocol.slice(0, -1))) throw new ConfigError(`${name} must start with ${wanted}, got "${u.protocol}//..."`);
  if (needsHost && !u.hostname) throw new ConfigError(`${name} must name a host, e.g. ${schemes[0]}://host`);
  return u;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function host(raw: string | undefined): string {
  if (raw === undefined) return '127.0.0.1';
  if (isIP(raw) || HOSTNAME.test(raw)) return raw;
  throw new ConfigError(`HOST must be an IP address or a host name such as 0.0.0.0, :: or localhost, got "${raw}"`);
}

/** The site's public origin: absolute http(s), no path, query, fragment or credentials. */
function publicUrl(raw: string): string {
  const u = url('KHABAR_PUBLIC_URL', raw, ['http', 'https']);
  if (u.username || u.password) throw new ConfigError('KHABAR_PUBLIC_URL must not contain a user name or password');
  if (u.pathname !== '/' || u.search || u.hash) {
    throw new ConfigError(`KHABAR_PUBLIC_URL must be the site's address without a path or query, e.g. ${u.origin}, got "${raw}"`);
  }
  return u.origin;
}

/** A folder path, resolved: one that is a file is refused; one not there yet is made on first start. */
function folder(name: SettingName, raw: string): string {
  if (raw.includes('\0')) throw new ConfigError(`${name} must be a folder path`);
  const dir = resolve(raw);
  let isDir = true;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // not there yet: made on first start
  }
  if (!isDir) throw new ConfigError(`${name} must be a folder, and ${dir} is a file`);
  return dir;
}

function dataDir(raw: string | undefined): string {
  return folder('KHABAR_DATA_DIR', raw ?? './data');
}

function databaseUrl(raw: string | undefined, dir: string): string {
  if (raw === undefined) return join(dir, 'khabar.sqlite');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    if (!isPostgresUrl(raw)) throw new ConfigError(`DATABASE_URL must be a postgres:// URL or a SQLite file path, got "${raw.split(':')[0]}://..."`);
    // No host is fine: postgres:///news?host=/run/postgresql connects over a Unix socket.
    url('DATABASE_URL', raw, ['postgres', 'postgresql'], false);
  }
  return raw;
}

function secret(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.trim() !== raw) throw new ConfigError('KHABAR_SECRET must not start or end with spaces');
  if (raw.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`KHABAR_SECRET must be at least ${MIN_SECRET_LENGTH} characters (got ${raw.length}); leave it unset to have one generated`);
  }
  return raw;
}

/** Checks one KHABAR_FETCH_ALLOW entry (an address or address/prefix); returns what is wrong, or null. */
function networkProblem(entry: string): string | null {
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return `"${entry}" is not an IP address or network such as 127.0.0.1/32`;
  if (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128))) return `"${entry}" has a bad prefix length`;
  return null;
}

/** Comma-separated addresses or networks (127.0.0.1, 10.0.0.0/8, ::1/128) the fetcher may reach. */
function fetchAllow(raw: string | undefined, name: SettingName = 'KHABAR_FETCH_ALLOW'): string[] {
  if (raw === undefined) return [];
  const entries = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const problem = networkProblem(entry);
    if (problem) throw new ConfigError(`${name} must list IP addresses or networks separated by commas: ${problem}`);
  }
  return entries;
}

/** An onion service origin: http(s), a .onion host, no path, query or credentials. */
function onionUrl(raw: string): string {
  const u = url('KHABAR_ONION_URL', raw, ['http', 'https']);
  if (!u.hostname.endsWith('.onion')) throw new ConfigError(`KHABAR_ONION_URL must be a .onion address, e.g. http://xxxxxxxx.onion, got host "${u.hostname}"`);
  if (u.username || u.password || u.pathname !== '/' || u.search || u.hash) throw new ConfigError('KHABAR_ONION_URL must be the onion address alone, without a path, query or user name');
  return u.origin;
}

/** Up to this many mirrors are listed: a footer is not a directory. */
const MAX_MIRRORS = 10;

/** Comma-separated http(s) addresses (a mirror may live in a folder: https://mirror.example/khabar/). */
function mirrors(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const list = raw.split(',').map((m) => m.trim()).filter(Boolean);
  if (list.length > MAX_MIRRORS) throw new ConfigError(`KHABAR_MIRRORS lists at most ${MAX_MIRRORS} addresses, got ${list.length}`);
  return list.map((m) => {
    const u = url('KHABAR_MIRRORS', m, ['http', 'https']);
    if (u.username || u.password) throw new ConfigError('KHABAR_MIRRORS must not contain a user name or password');
    return u.href;
  });
}

/** Reads the environment into a Config, throwing ConfigError with a message a person can act on. */
export function loadConfig(env: Environment = process.env): Config {
  const read = (name: SettingName) => given(env[name]);
  const h = host(read('HOST'));
  const port = int('PORT', read('PORT'), 3000, 0, 65535);
  const logLevelValue = oneOf('LOG_LEVEL', read('LOG_LEVEL'), LOG_LEVELS, 'info');
  const dir = dataDir(read('KHABAR_DATA_DIR'));
  const database = databaseUrl(read('DATABASE_URL'), dir);
  const redis = read('REDIS_URL');
  if (redis !== undefined) url('REDIS_URL', redis, ['redis', 'rediss']);
  const smtp = read('SMTP_URL');
  if (smtp !== undefined) url('SMTP_URL', smtp, ['smtp', 'smtps']);
  const publicGiven = read('KHABAR_PUBLIC_URL');
  const webhook = read('KHABAR_PURGE_WEBHOOK');
  if (webhook !== undefined) url('KHABAR_PURGE_WEBHOOK', webhook, ['http', 'https']);
  const onion = read('KHABAR_ONION_URL');
  return {
    host: h,
    port,
    dataDir: dir,
    databaseUrl: database,
    redisUrl: redis ?? null,
    demo: bool('KHABAR_DEMO', read('KHABAR_DEMO'), true),
    publicUrl: publicGiven !== undefined ? publicUrl(publicGiven) : `http://${h.includes(':') ? `[${h}]` : h}:${port}`,
    publicUrlGiven: publicGiven !== undefined,
    secret: secret(read('KHABAR_SECRET')),
    trustProxy: bool('KHABAR_TRUST_PROXY', read('KHABAR_TRUST_PROXY'), false),
    logLevel: logLevelValue,
    smtpUrl: smtp ?? null,
    pageCacheBytes: int('KHABAR_PAGE_CACHE_MB', read('KHABAR_PAGE_CACHE_MB'), 32, 0, 65536) * 1024 * 1024,
    purgeWebhook: webhook ?? null,
    metrics: oneOf('KHABAR_METRICS', read('KHABAR_METRICS'), METRICS_EXPOSURES, 'local'),
    fetchAllow: fetchAllow(read('KHABAR_FETCH_ALLOW')),
    onionUrl: onion !== undefined ? onionUrl(onion) : null,
    mirrors: mirrors(read('KHABAR_MIRRORS')),
    redisPrefix: redisPrefix(read('KHABAR_REDIS_PREFIX')),
    mediaDir: mediaDir(read('KHABAR_MEDIA_DIR'), dir),
    s3: s3(read),
    dbPool: int('KHABAR_DB_POOL', read('KHABAR_DB_POOL'), 10, 1, 1000),
    audience: bool('KHABAR_AUDIENCE', read('KHABAR_AUDIENCE'), true),
    // two days at least: a day's readers are counted from the raw views of the whole day
    audienceRawDays: int('KHABAR_AUDIENCE_RAW_DAYS', read('KHABAR_AUDIENCE_RAW_DAYS'), 7, 2, 400),
    telegramApi: url('KHABAR_TELEGRAM_API', read('KHABAR_TELEGRAM_API') ?? 'https://api.telegram.org', ['http', 'https']).href.replace(/\/+$/, ''),
    pushAllow: fetchAllow(read('KHABAR_PUSH_ALLOW'), 'KHABAR_PUSH_ALLOW'),
  };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The environment for a program Khabar runs (pg_dump, pg_restore): this process's own, plus `extra`. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

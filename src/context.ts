// Everything a request handler or job needs, built once per process (or per test).
import type { Config } from './config.ts';
import type { Db } from './db/schema.ts';
import type { DialectName } from './db/index.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { MediaStore } from './media/store.ts';
import type { ReadCache } from './content/read_cache.ts';
import type { PasswordCost } from './auth/passwords.ts';
import type { MailTransport } from './auth/mail.ts';
import type { CaptchaVerifyUrls } from './comments/captcha_urls.ts';
import type { Log } from './log.ts';

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
  /** argon2id cost of new password hashes: OWASP's in the server, a cheap one in test contexts */
  passwordCost: PasswordCost;
  /** where invitations and reset links are sent; null without SMTP_URL (the links are shown instead) */
  mail: MailTransport | null;
  /** each captcha provider's verification address: fixed in code (captcha.ts); tests use a local stand-in */
  captchaVerifyUrls: CaptchaVerifyUrls;
  /** where trouble away from a request is told (a letter not sent, a media file not read) */
  log: Log;
}

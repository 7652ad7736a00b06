// Row types of the newsletter tables (migration 0026). Times are ISO text like every other table's.
import type { Generated } from 'kysely';

export type DigestEvery = 'off' | 'daily' | 'weekly';

export interface NewsletterListsTable {
  id: Generated<number>;
  /** the list's address-safe name, used in List-Id and the sign-up form */
  slug: string;
  /** the language its letters are written in */
  language: string;
  /** JSON { [language]: name } */
  names: string;
  /** JSON { [language]: description } */
  descriptions: string;
  /** JSON number[]: the sections its digest draws from; [] = every section */
  section_ids: string;
  /** 1: offered on the public form; 0: the newsroom adds readers itself (e.g. a partners' list) */
  public: number;
  digest: DigestEvery;
  /** HH:MM in the site's time zone */
  digest_time: string;
  /** 0 = Sunday ... 6 = Saturday, for weekly digests */
  digest_weekday: number;
  last_digest_at: string | null;
  next_digest_at: string | null;
  created_at: string;
}

export interface NewsletterSubscribersTable {
  id: Generated<number>;
  /** lower-cased address */
  email: string;
  name: string;
  /** the language the reader signed up in: confirmations and preferences pages speak it */
  language: string;
  /** form, import:mailchimp, import:ghost, import:csv, staff */
  source: string;
  created_at: string;
}

/** pending: waiting for the confirmation link; subscribed; unsubscribed */
export type SubscriptionStatus = 'pending' | 'subscribed' | 'unsubscribed';

export interface NewsletterSubscriptionsTable {
  subscriber_id: number;
  list_id: number;
  status: SubscriptionStatus;
  /** when the reader asked (an import keeps the date the other service recorded) */
  consent_at: string;
  consent_ip: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

/** notice: a message from the newsroom with no stories (where to read the site when it is blocked) */
export type SendKind = 'digest' | 'story' | 'alert' | 'notice';
/** draft: being prepared; scheduled: waiting for scheduled_at; sending: recipients written, letters going; sent; cancelled */
export type SendStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface NewsletterSendsTable {
  id: Generated<number>;
  list_id: number;
  kind: SendKind;
  subject: string;
  /** the newsroom's words above the stories (plain text) */
  intro: string;
  /** JSON number[] of the stories in it */
  article_ids: string;
  status: SendStatus;
  scheduled_at: string | null;
  /** rendered once when sending starts, with per-reader placeholders */
  html: string;
  text: string;
  recipients: number;
  created_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** queued: to send; claimed: an instance holds it (until claimed_until); sent; failed; skipped: left the list meanwhile */
export type LogStatus = 'queued' | 'claimed' | 'sent' | 'failed' | 'skipped';

export interface NewsletterSendLogTable {
  send_id: number;
  subscriber_id: number;
  status: LogStatus;
  claim: string;
  claimed_until: string;
  attempts: number;
  sent_at: string | null;
  error: string;
}

export type BounceKind = 'hard' | 'soft' | 'complaint';

export interface NewsletterBouncesTable {
  id: Generated<number>;
  email: string;
  kind: BounceKind;
  send_id: number | null;
  /** ses, postmark, mailbox, smtp */
  origin: string;
  detail: string;
  created_at: string;
}

export type SuppressionReason = 'hard_bounce' | 'soft_bounces' | 'complaint' | 'staff';

export interface NewsletterSuppressionsTable {
  email: string;
  reason: SuppressionReason;
  detail: string;
  created_at: string;
}

export interface NewsletterClicksTable {
  send_id: number;
  url: string;
  clicks: number;
}

export interface NewsletterSettingsTable {
  key: string;
  value: string;
}

export interface NewsletterTables {
  newsletter_lists: NewsletterListsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_sends: NewsletterSendsTable;
  newsletter_send_log: NewsletterSendLogTable;
  newsletter_bounces: NewsletterBouncesTable;
  newsletter_suppressions: NewsletterSuppressionsTable;
  newsletter_clicks: NewsletterClicksTable;
  newsletter_settings: NewsletterSettingsTable;
}

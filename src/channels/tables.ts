// Row types of the alerts and channels tables (migration 0030). Times are ISO text like every other table's.
import type { Generated } from 'kysely';

export interface ChannelSettingsTable {
  /** 'settings' (JSON), 'secret:<name>' (sealed), 'vapid' (sealed JSON of the key pair) */
  key: string;
  value: string;
}

export interface PushSubscriptionsTable {
  id: Generated<number>;
  /** the push service's address for this browser (https) */
  endpoint: string;
  /** the browser's P-256 public key and auth secret (base64url), which the payload is encrypted to */
  p256dh: string;
  auth: string;
  language: string;
  /** alerts of one section only; null = every alert in the language */
  section_id: number | null;
  created_at: string;
}

export type AlertStatus = 'sending' | 'done';

export interface PushAlertsTable {
  id: Generated<number>;
  language: string;
  section_id: number | null;
  article_id: number | null;
  entry_id: number | null;
  title: string;
  text: string;
  url: string;
  status: AlertStatus;
  recipients: number;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

/** pending: to send (again at next_at); sent; failed: gave up; removed: the push service said the subscription is gone */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'removed';

export interface PushDeliveriesTable {
  alert_id: number;
  subscription_id: number;
  status: DeliveryStatus;
  attempts: number;
  next_at: string;
  error: string;
}

/** pending: to post at next_at; sending: a request is on its way (never sent twice: see posts.ts); posted; failed;
 * unknown: a request went out and no answer came, so whether it was posted is not known */
export type PostStatus = 'pending' | 'sending' | 'posted' | 'failed' | 'unknown';

export interface ChannelPostsTable {
  id: Generated<number>;
  /** 'telegram:<language>' or 'mastodon' */
  channel: string;
  /** 'article:<id>' or 'entry:<id>' */
  subject: string;
  language: string;
  /** a live entry's text and link as JSON (an article's are read when it is posted, so a retry posts the latest) */
  payload: string;
  status: PostStatus;
  /** the API method the post was made with (sendPhoto, sendMessage, status), which decides how it is edited */
  method: string;
  /** Telegram's message_id or Mastodon's status id */
  remote_id: string;
  attempts: number;
  next_at: string;
  /** 1: the story changed after it was posted, and the post is to be updated */
  edit_due: number;
  error: string;
  created_at: string;
  posted_at: string | null;
}

export interface ChannelPlansTable {
  article_id: number;
  alert: number;
  alert_text: string;
  channels: number;
  /** when the plan was carried out (the story's first publication); null until then */
  done_at: string | null;
}

export interface ChannelTables {
  channel_settings: ChannelSettingsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_alerts: PushAlertsTable;
  push_deliveries: PushDeliveriesTable;
  channel_posts: ChannelPostsTable;
  channel_plans: ChannelPlansTable;
}

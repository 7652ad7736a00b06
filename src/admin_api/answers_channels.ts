// The shapes of the alerts and channels answers (channels_routes.ts), for the document and the app's channels screen.
import { Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

const ChannelSettings = Type.Object({
  pushEnabled: Type.Boolean({ description: 'Whether the site offers the "Get alerts" button.' }),
  telegramChannels: Type.Record(Type.String(), Type.String(), { description: 'A language\'s Telegram channel (@name or a chat id), by language.' }),
  telegramFullText: Type.Boolean({ description: 'Whether Telegram posts carry the story\'s text (else the picture, headline, standfirst and link).' }),
  mastodonInstance: Str('The Mastodon instance (https://...); empty: no Mastodon account.'),
  mastodonLanguages: Type.Array(Type.String(), { description: 'The languages whose stories go to Mastodon; none: every language.' }),
});
const SecretsSet = Type.Object({
  telegramTokens: Type.Array(Type.String(), { description: 'The languages that have a Telegram bot token.' }),
  mastodonToken: Type.Boolean({ description: 'Whether a Mastodon token is set.' }),
});

/** PATCH /api/admin/channels/settings */
export const ChannelSettingsChanged = Type.Object({
  settings: d('The settings now.', ChannelSettings),
  secrets: d('Which tokens are set (never the tokens).', SecretsSet),
});
/** GET /api/admin/channels/settings */
export const ChannelSettingsAnswer = Type.Object({
  ...ChannelSettingsChanged.properties,
  vapidPublicKey: Str('The site\'s web push public key.'),
  subscriptions: Type.Array(Type.Object({
    language: Str('The language.'),
    all: Num('Readers subscribed to its alerts.'),
    sections: Num('Of them, those who follow only a section.'),
  }), { description: 'Readers subscribed to alerts, per language.' }),
});

/** An alert with its figures. */
export const AlertAnswer = Type.Object({
  id: Num('The alert\'s id.'),
  language: Str('The readers it went to.'),
  text: Str('Its text.'),
  url: Str('The page it opens.'),
  articleId: OrNull(Type.Integer(), 'The story it announced, if any.'),
  entryId: OrNull(Type.Integer(), 'The live entry it announced, if any.'),
  status: Str('Where the sending stands.'),
  createdAt: When('When it was made'),
  finishedAt: WhenOrNull('When the sending finished'),
  recipients: Num('Readers it was for.'),
  sent: Num('Delivered to the push service.'),
  failed: Num('Failed.'),
  removed: Num('The push service said the reader\'s subscription is gone.'),
  pending: Num('Still to send or to retry.'),
});
/** GET /api/admin/channels/alerts */
export const AlertList = Type.Object({ alerts: Type.Array(AlertAnswer, { description: 'The alerts sent, newest first.' }) });

/** GET /api/admin/channels/posts */
export const ChannelPostList = Type.Object({
  posts: Type.Array(Type.Object({
    id: Num('The post\'s id.'),
    channel: Str('The channel (telegram, mastodon).'),
    subject: Str('What it posts, e.g. article:12.'),
    language: Str('Its language.'),
    status: Str('Where it stands (pending, posted, failed, ...).'),
    remoteId: Str('The channel\'s id of the post, once posted.'),
    attempts: Num('Tries so far.'),
    error: Str('Why the last try failed (empty when it did not).'),
    createdAt: When('When it was made'),
    postedAt: WhenOrNull('When it was posted'),
  }), { description: 'The posts, newest first.' }),
});

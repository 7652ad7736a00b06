// Alerts and channels in the Admin API: the settings (Telegram channels and Mastodon account, their sealed tokens,
// whether the site offers alerts), the alerts sent with their figures (sent, failed, removed), a new alert, the
// channel posts, and a story's announcement: what happens when it is first published, or at once for one already out.
import type { FastifyInstance } from 'fastify';
import { alertFigures, createAlert, listAlerts } from '../channels/alerts.ts';
import { channelSecretsSet, getChannelSettings, setChannelSecrets, updateChannelSettings, vapidKeys } from '../channels/settings.ts';
import { subscriptionCounts } from '../channels/subscriptions.ts';
import { listPosts } from '../channels/posting.ts';
import { announceStory, getPlan, setPlan } from '../channels/plans.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { AlertAnswer, AlertList, ChannelPostList, ChannelSettingsAnswer, ChannelSettingsChanged } from './answers_channels.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Described as d, IdParams, NullableId, OneOf, Strict, Text, Type } from './schemas.ts';

const Plan = Strict({
  alert: d('Send readers who asked for alerts a push alert.', Type.Boolean()),
  alertText: d('The alert\'s text ("" = the headline); at most 200 characters.', Text(200)),
  channels: d('Post the story to the language\'s Telegram channel and the Mastodon account.', Type.Boolean()),
});

export async function channelsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['channels'];
  const base = '/api/admin/channels';
  const access = { capability: 'channels.announce' } as const;
  const settingsAccess = { capability: 'settings.manage' } as const;

  endpoint(app, {
    method: 'GET', url: `${base}/settings`, operationId: 'getChannelSettings', summary: 'Alerts and channels settings (tokens only as set or not), readers subscribed', tags, access: settingsAccess, answers: ChannelSettingsAnswer,
    handle: async () => ({ settings: await getChannelSettings(ctx), secrets: await channelSecretsSet(ctx), vapidPublicKey: (await vapidKeys(ctx)).publicKey, subscriptions: await subscriptionCounts(ctx) }),
  });
  endpoint(app, {
    method: 'PATCH', url: `${base}/settings`, operationId: 'updateChannelSettings', summary: 'Change alerts and channels settings and tokens', tags, access: settingsAccess, answers: ChannelSettingsChanged,
    description: 'Tokens (telegramTokens by language, mastodonToken) are sealed with the site\'s secret and never answered back; "" clears one.',
    body: Strict({
      settings: Type.Optional(d('Settings to change (docs/alerts_and_channels.md lists them).', Type.Record(Type.String(), Type.Unknown()))),
      secrets: Type.Optional(d('Tokens to seal; "" clears one. Never answered back.', Strict({
        telegramTokens: Type.Optional(d('A bot token per language, e.g. {"fa": "123456:ABC..."}.', Type.Record(Type.String(), Text(200)))),
        mastodonToken: Type.Optional(d('The Mastodon account\'s access token (write:statuses).', Text(200))),
      }))),
    }),
    handle: async (req) => {
      if (req.body.secrets) await setChannelSecrets(ctx, req.body.secrets);
      const settings = req.body.settings ? await updateChannelSettings(ctx, req.body.settings) : await getChannelSettings(ctx);
      return { settings, secrets: await channelSecretsSet(ctx) };
    },
    events: ['settings.changed'],
    audit: { action: 'channel_settings.update', entry: (req) => ({ subject: { type: 'channel_settings' }, detail: { settings: Object.keys(req.body.settings ?? {}), secrets: Object.keys(req.body.secrets ?? {}) } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/alerts`, operationId: 'listAlerts', summary: 'The alerts sent, newest first, with their figures (sent, failed, removed)', tags, access, answers: AlertList,
    handle: async () => ({ alerts: await listAlerts(ctx) }),
  });
  endpoint(app, {
    method: 'POST', url: `${base}/alerts`, operationId: 'sendAlert', summary: 'Send readers a push alert: a short text and a link', tags, access, status: 201, answers: AlertAnswer,
    body: Strict({
      language: d('The readers it goes to: those who asked for alerts in this language.', OneOf(LANGUAGES)),
      text: d('One or two lines (at most 200 characters).', Text(200, 1)),
      url: d('The page of this site it opens.', Text(1000, 1)),
      sectionId: Type.Optional(d('A section\'s alert also reaches readers who follow only that section.', NullableId)),
    }),
    handle: async (req) => alertFigures(ctx, await createAlert(ctx, req.body, staffOf(req).id)),
    audit: { action: 'alert.send', entry: (req, r) => ({ subject: { type: 'alert', id: r.id }, detail: { language: req.body.language, recipients: r.recipients } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/alerts/:id`, operationId: 'getAlert', summary: 'One alert\'s figures', tags, access, params: IdParams, answers: AlertAnswer,
    handle: (req) => alertFigures(ctx, req.params.id),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/posts`, operationId: 'listChannelPosts', summary: 'The posts to the channels, newest first, with their state', tags, access, answers: ChannelPostList,
    handle: async () => ({ posts: await listPosts(ctx) }),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/articles/:id/plan`, operationId: 'getAnnouncePlan', summary: 'What happens when a story is first published: an alert, channel posts', tags, access, params: IdParams,
    handle: (req) => getPlan(ctx, req.params.id),
  });
  endpoint(app, {
    method: 'PUT', url: `${base}/articles/:id/plan`, operationId: 'setAnnouncePlan', summary: 'Choose what happens when a story is first published', tags, access, params: IdParams, body: Plan,
    handle: (req) => setPlan(ctx, req.params.id, req.body),
    audit: { action: 'announce_plan.set', entry: (req) => ({ subject: { type: 'article', id: req.params.id }, detail: { alert: req.body.alert, channels: req.body.channels } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/articles/:id/announce`, operationId: 'announceStory', summary: 'Alert readers and/or post a published story to the channels now', tags, access, params: IdParams, body: Plan,
    description: 'A story is posted to each channel once: announcing it again sends a new alert but no second post.',
    handle: (req) => announceStory(ctx, req.params.id, req.body, staffOf(req).id),
    audit: { action: 'article.announce', entry: (req, r) => ({ subject: { type: 'article', id: req.params.id }, detail: { alertId: r.alertId, posts: r.posts } }) },
  });
}

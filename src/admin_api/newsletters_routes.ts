// Newsletters in the Admin API: lists with their readers' counts by status, sends (a digest, a story or a breaking
// alert sent as a newsletter; preview, a test letter to oneself, scheduling, start, cancel) with their figures,
// readers (search, CSV import from Mailchimp or Ghost, CSV export of a list, one reader's data exported or
// deleted), the suppression list, and the settings (the SMTP relay, DKIM, bounces).
import type { FastifyInstance } from 'fastify';
import { createList, deleteList, listCounts, listLists, updateList } from '../newsletters/lists.ts';
import { cancelSend, createSend, listSends, previewSend, sendFigures, startSend, testSend } from '../newsletters/sending.ts';
import { sendInBackground } from '../newsletters/jobs.ts';
import { deleteSubscriber, exportListCsv, exportSubscriber, importCsv, searchSubscribers } from '../newsletters/subscribers.ts';
import { listSuppressions, unsuppress } from '../newsletters/suppression.ts';
import { getNewsletterSecrets, getNewsletterSettings, secretsSet, setNewsletterSecrets, updateNewsletterSettings } from '../newsletters/settings.ts';
import { checkRelay } from '../newsletters/relay_check.ts';
import { NewsletterListList, ReaderList, SendFiguresAnswer, SendList } from './answers_newsletters.ts';
import { endpoint } from './endpoint.ts';
import { staffOf } from './access.ts';
import { Described as d, DateTime, Id, IdParams, Int, ListOf, OneOf, Strict, Text, Type } from './schemas.ts';

const Texts = d('The text in each language, e.g. {"en": "The Morning File", "fa": "پروندهٔ صبح"}.', Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Text(500)));
const ListBody = Strict({
  slug: Type.Optional(d('Address-safe name, used in List-Id.', Text(60, 1))),
  language: Type.Optional(d('The language its letters are written in.', Text(3, 2))),
  names: Type.Optional(Texts), descriptions: Type.Optional(Texts),
  sectionIds: Type.Optional(d('The sections its digest draws from; [] = every section.', ListOf(Id, 100))),
  public: Type.Optional(d('Offered on the public sign-up form.', Type.Boolean())),
  digest: Type.Optional(d('The automatic digest: off, daily or weekly.', OneOf(['off', 'daily', 'weekly'] as const))),
  digestTime: Type.Optional(d('HH:MM in the site\'s time zone.', Text(5))),
  digestWeekday: Type.Optional(d('0 = Sunday ... 6 = Saturday (weekly digests).', Int(0, 6))),
});

export async function newslettersRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['newsletters'];
  const base = '/api/admin/newsletters';
  const access = { capability: 'newsletters.manage' } as const;
  const settingsAccess = { capability: 'settings.manage' } as const;

  endpoint(app, {
    method: 'GET', url: `${base}/lists`, operationId: 'listNewsletterLists', summary: 'List the newsletter lists with their readers by status', tags, access, answers: NewsletterListList,
    handle: async () => {
      const [lists, counts] = await Promise.all([listLists(ctx.db), listCounts(ctx.db)]);
      return { lists: lists.map((l) => ({ ...l, readers: counts[l.id] ?? { pending: 0, subscribed: 0, unsubscribed: 0 } })) };
    },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/lists`, operationId: 'createNewsletterList', summary: 'Make a newsletter list', tags, access, status: 201, body: ListBody, events: ['newsletters.changed'],
    handle: async (req) => ({ list: await createList(ctx, req.body) }),
    audit: { action: 'newsletter_list.create', entry: (_req, r) => ({ subject: { type: 'newsletter_list', id: r.list.id } }) },
  });
  endpoint(app, {
    method: 'PATCH', url: `${base}/lists/:id`, operationId: 'updateNewsletterList', summary: 'Change a newsletter list', tags, access, params: IdParams, body: ListBody, events: ['newsletters.changed'],
    handle: async (req) => ({ list: await updateList(ctx, req.params.id, req.body) }),
    audit: { action: 'newsletter_list.update', entry: (req) => ({ subject: { type: 'newsletter_list', id: req.params.id }, detail: { changed: Object.keys(req.body ?? {}) } }) },
  });
  endpoint(app, {
    method: 'DELETE', url: `${base}/lists/:id`, operationId: 'deleteNewsletterList', summary: 'Delete a newsletter list with its subscriptions and sends', tags, access, params: IdParams, status: 204, events: ['newsletters.changed'],
    handle: async (req) => { await deleteList(ctx, req.params.id); },
    audit: { action: 'newsletter_list.delete', entry: (req) => ({ subject: { type: 'newsletter_list', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/lists/:id/export`, operationId: 'exportNewsletterList', summary: 'A list\'s readers as CSV, with their consent dates', tags, access, params: IdParams,
    handle: async (req, reply) => { reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="list-${req.params.id}.csv"`); return exportListCsv(ctx, req.params.id); },
    audit: { action: 'newsletter_list.export', entry: (req) => ({ subject: { type: 'newsletter_list', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/lists/:id/import`, operationId: 'importNewsletterReaders', summary: 'Import readers from a Mailchimp or Ghost CSV export', tags, access, params: IdParams,
    body: Strict({ csv: d('The CSV file\'s text.', Text(50 * 1024 * 1024, 1)), language: Type.Optional(d('The language of readers made by the import (the list\'s when not given).', Text(3, 2))),
      preview: Type.Optional(d('Only say what the import would do (counts, the first rows, the lines it cannot read); write nothing.', Type.Boolean())) }),
    description: 'Readers marked unsubscribed in the export come in unsubscribed; consent and confirmation dates are kept. Rows that cannot be read are reported with their line. With `preview: true` nothing is written.',
    config: { bodyLimit: 60 * 1024 * 1024 } as never,
    handle: (req) => importCsv(ctx, { listId: req.params.id, csv: req.body.csv, language: req.body.language, preview: req.body.preview }),
    audit: { action: 'newsletter_list.import', entry: (req, r) => (req.body.preview ? null : { subject: { type: 'newsletter_list', id: req.params.id }, detail: { added: r.added, updated: r.updated, skipped: r.skipped.length } }) },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/sends`, operationId: 'listNewsletterSends', summary: 'The sends, newest first, with their figures', tags, access, answers: SendList,
    handle: async () => ({ sends: await listSends(ctx) }),
  });
  endpoint(app, {
    method: 'POST', url: `${base}/sends`, operationId: 'createNewsletterSend', summary: 'Send stories as a newsletter (now, later, or a draft)', tags, access, status: 201, answers: SendFiguresAnswer,
    description: 'kind "story" sends one story, "alert" a breaking alert, "digest" a set of stories. With `start: true` it starts at once; with `scheduledAt` it starts then; otherwise it is a draft to preview and test first.',
    body: Strict({
      listId: d('The list it goes to.', Id), kind: d('digest, story or alert (breaking).', OneOf(['digest', 'story', 'alert'] as const)),
      articleIds: d('The published stories it carries, in order.', ListOf(Id, 50)),
      subject: Type.Optional(d('The subject; the story\'s headline or the digest\'s name and date when not given.', Text(200))),
      intro: Type.Optional(d('The newsroom\'s words above the stories (plain text).', Text(2000))),
      scheduledAt: Type.Optional(d('When to start it (ISO time).', DateTime)), start: Type.Optional(d('Start sending at once.', Type.Boolean())),
    }),
    handle: async (req) => {
      const id = await createSend(ctx, req.body, staffOf(req).id);
      if (req.body.start) { await startSend(ctx, id); void sendInBackground(ctx); }
      return sendFigures(ctx, id);
    },
    audit: { action: 'newsletter_send.create', entry: (req, r) => ({ subject: { type: 'newsletter_send', id: r.id }, detail: { kind: req.body.kind, listId: req.body.listId, start: !!req.body.start } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/sends/:id`, operationId: 'getNewsletterSend', summary: 'A send\'s progress and figures (sent, failed, left, bounced, complained, unsubscribed)', tags, access, params: IdParams, answers: SendFiguresAnswer,
    handle: (req) => sendFigures(ctx, req.params.id),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/sends/:id/preview`, operationId: 'previewNewsletterSend', summary: 'The letter as readers will see it: subject, HTML, plain text', tags, access, params: IdParams,
    handle: (req) => previewSend(ctx, req.params.id),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/sends/:id/letter`, operationId: 'showNewsletterLetter', summary: 'The letter\'s HTML as a page of its own, for the app\'s preview frame', tags, access, params: IdParams,
    description: 'The preview\'s HTML with a policy of its own: the letter\'s inline styles and the site\'s pictures load, no script runs (CSP default-src none and a sandbox without scripts), and only the app may frame it.',
    handle: async (req, reply) => {
      const { html } = await previewSend(ctx, req.params.id);
      const site = new URL(ctx.config.publicUrl).origin;
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-frame-options', 'SAMEORIGIN')
        .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' ${site} data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox`);
      return html;
    },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/sends/:id/test`, operationId: 'testNewsletterSend', summary: 'Send a test letter to yourself', tags, access, params: IdParams, status: 204,
    handle: async (req) => { await testSend(ctx, req.params.id, staffOf(req).email); },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/sends/:id/start`, operationId: 'startNewsletterSend', summary: 'Start a draft or scheduled send now', tags, access, params: IdParams,
    errors: { 409: 'The send was already started or cancelled.' },
    handle: async (req) => { await startSend(ctx, req.params.id); void sendInBackground(ctx); return sendFigures(ctx, req.params.id); },
    audit: { action: 'newsletter_send.start', entry: (req) => ({ subject: { type: 'newsletter_send', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/sends/:id/cancel`, operationId: 'cancelNewsletterSend', summary: 'Cancel a draft or scheduled send', tags, access, params: IdParams, status: 204,
    errors: { 409: 'Only a draft or scheduled send can be cancelled.' },
    handle: async (req) => { await cancelSend(ctx, req.params.id); },
    audit: { action: 'newsletter_send.cancel', entry: (req) => ({ subject: { type: 'newsletter_send', id: req.params.id } }) },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/readers`, operationId: 'searchNewsletterReaders', summary: 'Find readers by address or name', tags, access, answers: ReaderList,
    query: Strict({ q: Type.Optional(d('Words in the address or name.', Text(200))) }),
    handle: async (req) => ({ readers: await searchSubscribers(ctx, req.query.q ?? '') }),
  });
  endpoint(app, {
    method: 'GET', url: `${base}/readers/:id/export`, operationId: 'exportNewsletterReader', summary: 'Everything kept about one reader (a data request)', tags, access, params: IdParams,
    handle: (req) => exportSubscriber(ctx, req.params.id),
    audit: { action: 'newsletter_reader.export', entry: (req) => ({ subject: { type: 'newsletter_reader', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'DELETE', url: `${base}/readers/:id`, operationId: 'deleteNewsletterReader', summary: 'Delete a reader and everything kept about them', tags, access, params: IdParams, status: 204,
    handle: async (req) => { await deleteSubscriber(ctx, req.params.id); },
    audit: { action: 'newsletter_reader.delete', entry: (req) => ({ subject: { type: 'newsletter_reader', id: req.params.id } }) },
  });
  endpoint(app, {
    method: 'GET', url: `${base}/suppressions`, operationId: 'listNewsletterSuppressions', summary: 'Addresses no letter goes to (bounces, complaints)', tags, access,
    handle: async () => ({ suppressions: await listSuppressions(ctx) }),
  });
  endpoint(app, {
    method: 'DELETE', url: `${base}/suppressions/:email`, operationId: 'removeNewsletterSuppression', summary: 'Let letters go to a suppressed address again', tags, access, status: 204,
    params: Strict({ email: d('The suppressed address.', Text(254, 3)) }),
    handle: async (req) => { await unsuppress(ctx, req.params.email); },
    audit: { action: 'newsletter_suppression.remove', entry: (req) => ({ subject: { type: 'newsletter_suppression', id: req.params.email } }) },
  });

  endpoint(app, {
    method: 'GET', url: `${base}/settings`, operationId: 'getNewsletterSettings', summary: 'Newsletter settings (secrets only as set or not)', tags, access: settingsAccess,
    handle: async () => {
      const secrets = await getNewsletterSecrets(ctx);
      return { settings: await getNewsletterSettings(ctx), secrets: await secretsSet(ctx),
        postmarkWebhook: `${ctx.config.publicUrl}/newsletters/webhooks/postmark/${secrets.webhookKey}`, sesWebhook: `${ctx.config.publicUrl}/newsletters/webhooks/ses` };
    },
  });
  endpoint(app, {
    method: 'PATCH', url: `${base}/settings`, operationId: 'updateNewsletterSettings', summary: 'Change newsletter settings and secrets', tags, access: settingsAccess,
    description: 'Secrets (smtpUrl, dkimPrivateKey, bounceMailboxUrl, webhookKey) are sealed with the site\'s secret and never answered back; "" clears one.',
    body: Type.Object({ settings: Type.Optional(d('Settings to change (docs/newsletters.md lists them).', Type.Record(Type.String(), Type.Unknown()))), secrets: Type.Optional(d('Secrets to seal: smtpUrl, dkimPrivateKey, bounceMailboxUrl, webhookKey.', Type.Record(Type.String(), Type.String({ maxLength: 20_000 })))) }, { additionalProperties: false }),
    handle: async (req) => {
      if (req.body.secrets) await setNewsletterSecrets(ctx, req.body.secrets);
      const settings = req.body.settings ? await updateNewsletterSettings(ctx, req.body.settings) : await getNewsletterSettings(ctx);
      return { settings, secrets: await secretsSet(ctx) };
    },
    audit: { action: 'newsletter_settings.update', entry: (req) => ({ subject: { type: 'newsletter_settings' }, detail: { settings: Object.keys(req.body.settings ?? {}), secrets: Object.keys(req.body.secrets ?? {}) } }) },
  });
  endpoint(app, {
    method: 'POST', url: `${base}/settings/test`, operationId: 'checkNewsletterRelay', summary: 'Send a test letter through the SMTP relay to yourself', tags, access: settingsAccess,
    description: 'One short letter through the relay as set now (the pool, DKIM, the bounce address) to the signed-in staff member, or to `to`. Answers the relay\'s reply; 409 with the relay\'s words when it refuses.',
    body: Strict({ to: Type.Optional(d('Another address to send it to.', Text(254, 3))), language: Type.Optional(d('The language of the test letter.', Text(3, 2))) }),
    errors: { 409: 'No relay is set, or the relay refused the letter.' },
    handle: (req) => checkRelay(ctx, req.body.to ?? staffOf(req).email, req.body.language ?? 'en'),
    audit: { action: 'newsletter_settings.test', entry: (_req, r) => ({ subject: { type: 'newsletter_settings' }, detail: { to: r.to } }) },
  });
}

// The newsletters through the Admin API, as the Newsletters screen uses them: lists with readers by status, CSV
// import from Mailchimp's and Ghost's exports (a preview that writes nothing, lines it cannot read named with why),
// reader search, export and deletion, a story sent as a newsletter (preview, a test letter, start, figures), a story
// of another language refused, the suppression list, and the relay settings (sealed, never answered back, a test
// letter through the relay).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';
import { sendInBackground } from '../../src/newsletters/jobs.ts';
import { recordBounce } from '../../src/newsletters/suppression.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { publishedArticle } from '../comments/fixtures.ts';
import { header, letterTo, part, startMailSink, useSink } from './mail_sink.ts';

const B = '/api/admin/newsletters';

const MAILCHIMP = [
  'Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS',
  'maryam@example.org,Maryam,Sadat,2,2021-03-04 10:20:30,203.0.113.4,2021-03-04 10:25:00,203.0.113.4,,,,,,,,2021-03-04 10:25:00,1,aa,,',
  'JAVID@Example.org,Javid,,2,2022-01-02 08:00:00,,2022-01-02 08:01:00,,,,,,,,,2022-01-02 08:01:00,2,bb,,',
  '"reader@example.org\nBcc: all@example.org",Bad,,2,,,,,,,,,,,,,3,cc,,',
  'rеader@example.org,Lookalike,,2,,,,,,,,,,,,,4,dd,,',
  'maryam@example.org,Again,,2,,,,,,,,,,,,,5,ee,,',
  ',Nobody,,2,,,,,,,,,,,,,6,ff,,',
  '=HYPERLINK("http://evil.example")@example.org,Formula,,2,,,,,,,,,,,,,7,gg,,',
].join('\n');

const GHOST = [
  'id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers',
  '5f1,farid@example.org,Farid Ahmadi,,true,,,2020-05-06T07:08:09.000Z,,,',
  '5f2,left@example.org,Left Reader,,false,,,2019-01-01T00:00:00.000Z,,,',
  '5f3,not-an-address,Broken,,true,,,2020-01-01T00:00:00.000Z,,,',
].join('\n');

for (const dialect of testDialects()) {
  test(`[${dialect}] the Newsletters screen's API: lists, import, readers, a send with its figures, settings`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      const owner = await signInAs(t, 'owner', { email: 'owner@newsroom.test' });
      const h = owner.headers;
      // lists, with a clear message for a bad slug and a taken one
      assert.equal((await call(t, h, 'POST', `${B}/lists`, { slug: 'Not A Slug', language: 'en', names: { en: 'X' } })).body.error.field, 'slug');
      const en = (await call(t, h, 'POST', `${B}/lists`, { slug: 'morning', language: 'en', names: { en: 'The Morning File' }, descriptions: { en: 'Every morning at seven' } })).body.list;
      const fa = (await call(t, h, 'POST', `${B}/lists`, { slug: 'morning-dari', language: 'fa', names: { fa: 'پروندهٔ صبح' } })).body.list;
      const taken = await call(t, h, 'POST', `${B}/lists`, { slug: 'morning', language: 'en', names: { en: 'Again' } });
      assert.equal(taken.status, 409);
      assert.match(taken.body.error.message, /already has that slug/);

      // a Mailchimp export: the preview writes nothing and names each line it cannot read, with why
      const preview = await call(t, h, 'POST', `${B}/lists/${en.id}/import`, { csv: MAILCHIMP, preview: true });
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.equal(preview.body.source, 'import:mailchimp');
      assert.equal(preview.body.added, 2);
      assert.deepEqual(preview.body.rows.map((r: { email: string }) => r.email), ['maryam@example.org', 'javid@example.org']);
      assert.equal(preview.body.rows[0].name, 'Maryam Sadat');
      assert.equal(preview.body.rows[0].consentAt, '2021-03-04T10:20:30.000Z');
      const why = Object.fromEntries(preview.body.skipped.map((s: { row: number; reason: string }) => [s.row, s.reason]));
      assert.match(why[4], /one line/, 'an address with a line break');
      assert.match(why[5], /Latin letters/, 'a Cyrillic look-alike');
      assert.match(why[6], /same address is on line 2/);
      assert.match(why[7], /enter your email|email address/i);
      assert.match(why[8], /name@example\.com/);
      assert.equal((await call(t, h, 'GET', `${B}/readers`)).body.readers.length, 0, 'the preview wrote nothing');
      const done = await call(t, h, 'POST', `${B}/lists/${en.id}/import`, { csv: MAILCHIMP });
      assert.deepEqual([done.body.added, done.body.updated, done.body.skipped.length], [2, 0, 5]);
      // Ghost's export into the Dari list: its unsubscribed member comes in unsubscribed, its dates kept
      const ghost = await call(t, h, 'POST', `${B}/lists/${fa.id}/import`, { csv: GHOST });
      assert.equal(ghost.body.source, 'import:ghost');
      assert.deepEqual([ghost.body.added, ghost.body.skipped.map((s: { row: number }) => s.row)], [2, [4]]);
      const bad = await call(t, h, 'POST', `${B}/lists/${en.id}/import`, { csv: 'name,phone\nA,1\n' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /no "Email Address" \(Mailchimp\) or "email" \(Ghost\) column/);

      const lists = (await call(t, h, 'GET', `${B}/lists`)).body.lists;
      assert.deepEqual(lists.find((l: { id: number }) => l.id === en.id).readers, { pending: 0, subscribed: 2, unsubscribed: 0 });
      assert.deepEqual(lists.find((l: { id: number }) => l.id === fa.id).readers, { pending: 0, subscribed: 1, unsubscribed: 1 });

      // search by address or name
      const found = (await call(t, h, 'GET', `${B}/readers?q=farid`)).body.readers;
      assert.deepEqual(found.map((r: { email: string }) => r.email), ['farid@example.org']);
      assert.equal(found[0].lists[0].consentAt, '2020-05-06T07:08:09.000Z');
      assert.equal((await call(t, h, 'GET', `${B}/readers?q=${encodeURIComponent('%')}`)).body.readers.length, 0, 'a % is a character, not a wildcard');
      const left = (await call(t, h, 'GET', `${B}/readers?q=left`)).body.readers[0];
      assert.equal(left.lists[0].status, 'unsubscribed');

      // the list's export keeps the consent dates
      const csv = await t.app.inject({ method: 'GET', url: `${B}/lists/${en.id}/export`, headers: h });
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.body, /^email,name,language,status,consent_at,confirmed_at,unsubscribed_at\n/);
      assert.match(csv.body, /maryam@example\.org,Maryam Sadat,en,subscribed,2021-03-04T10:20:30\.000Z,2021-03-04T10:25:00\.000Z,/);

      // a story sent as a newsletter: a draft, its preview, a test letter to oneself, then the send and its figures
      await useSink(t.ctx, sink);
      const story = await publishedArticle(t.ctx, { headline: 'Floods reach Kabul' });
      const dariStory = await publishedArticle(t.ctx, { headline: 'سیلاب به کابل رسید', language: 'fa' });
      const wrong = await call(t, h, 'POST', `${B}/sends`, { listId: fa.id, kind: 'story', articleIds: [story] });
      assert.equal(wrong.status, 400);
      assert.match(wrong.body.error.message, /written in en, but this list's letters are in fa/);
      const missing = await call(t, h, 'POST', `${B}/sends`, { listId: 987654, kind: 'story', articleIds: [story] });
      assert.equal(missing.status, 404);
      assert.match(missing.body.error.message, /No such newsletter list/);
      const draft = await call(t, h, 'POST', `${B}/sends`, { listId: en.id, kind: 'story', articleIds: [story], intro: 'Our reporters were there.' });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.equal(draft.body.status, 'draft');
      const shown = (await call(t, h, 'GET', `${B}/sends/${draft.body.id}/preview`)).body;
      assert.equal(shown.subject, 'Floods reach Kabul');
      assert.match(shown.html, /Our reporters were there\./);
      assert.match(shown.text, /\/newsletters\/preferences/);
      assert.ok(shown.bytes < 60 * 1024);
      assert.equal((await call(t, h, 'POST', `${B}/sends/${draft.body.id}/test`)).status, 204);
      await sink.waitFor(1);
      assert.equal(header(letterTo(sink, 'owner@newsroom.test')[0].raw, 'Subject'), '[Test] Floods reach Kabul');
      assert.equal(sink.kept.length, 1, 'the test letter went to the staff member only');
      assert.equal((await call(t, h, 'GET', `${B}/sends/${draft.body.id}`)).body.sent, 0, 'a test letter is not counted');
      const started = await call(t, h, 'POST', `${B}/sends/${draft.body.id}/start`);
      assert.equal(started.body.recipients, 2);
      // the start began sending beside the request; this waits for that same run (or starts one)
      await sendInBackground(t.ctx);
      await sink.waitFor(3);
      assert.deepEqual(sink.kept.slice(1).map((k) => k.to[0]).sort(), ['javid@example.org', 'maryam@example.org']);
      assert.match(part(letterTo(sink, 'maryam@example.org')[0].raw, 'text/html'), /Floods reach Kabul/);
      assert.equal((await call(t, h, 'POST', `${B}/sends/${draft.body.id}/start`)).status, 409, 'a send starts once');
      assert.equal((await call(t, h, 'POST', `${B}/sends/${draft.body.id}/cancel`)).status, 409);
      await recordBounce(t.ctx, { email: 'javid@example.org', kind: 'hard', origin: 'mailbox', detail: '5.1.1 no such user', sendId: draft.body.id });
      const figures = (await call(t, h, 'GET', `${B}/sends/${draft.body.id}`)).body;
      assert.deepEqual([figures.status, figures.sent, figures.failed, figures.left, figures.bounced], ['sent', 2, 0, 0, 1]);
      // scheduled for later, then cancelled
      const later = await call(t, h, 'POST', `${B}/sends`, { listId: fa.id, kind: 'alert', articleIds: [dariStory], scheduledAt: '2099-01-01T07:00:00Z' });
      assert.equal(later.body.status, 'scheduled');
      assert.equal((await call(t, h, 'POST', `${B}/sends/${later.body.id}/cancel`)).status, 204);
      const sends = (await call(t, h, 'GET', `${B}/sends`)).body.sends;
      assert.deepEqual(sends.map((s: { status: string }) => s.status), ['cancelled', 'sent']);

      // the suppression list
      const sup = (await call(t, h, 'GET', `${B}/suppressions`)).body.suppressions;
      assert.deepEqual(sup.map((s: { email: string; reason: string }) => [s.email, s.reason]), [['javid@example.org', 'hard_bounce']]);
      assert.equal((await call(t, h, 'DELETE', `${B}/suppressions/${encodeURIComponent('javid@example.org')}`)).status, 204);
      assert.equal((await call(t, h, 'GET', `${B}/suppressions`)).body.suppressions.length, 0);

      // one reader's data, then deleting them
      const maryam = (await call(t, h, 'GET', `${B}/readers?q=maryam`)).body.readers[0];
      const data = (await call(t, h, 'GET', `${B}/readers/${maryam.id}/export`)).body;
      assert.equal(data.subscriber.email, 'maryam@example.org');
      assert.deepEqual(data.letters.map((l: { status: string }) => l.status), ['sent']);
      assert.equal((await call(t, h, 'DELETE', `${B}/readers/${maryam.id}`)).status, 204);
      assert.equal((await call(t, h, 'GET', `${B}/readers?q=maryam`)).body.readers.length, 0);
      assert.equal((await call(t, h, 'GET', `${B}/readers/${maryam.id}/export`)).status, 404);

      // settings: secrets are sealed and only said to be set; a bad one is named
      const secret = 'smtp://mailer:s3cret-pass@127.0.0.1:1';
      const badSecret = await call(t, h, 'PATCH', `${B}/settings`, { secrets: { smtpUrl: 'http://not-smtp' } });
      assert.equal(badSecret.status, 400);
      assert.equal(badSecret.body.error.field, 'smtpUrl');
      const badSetting = await call(t, h, 'PATCH', `${B}/settings`, { settings: { ratePerSecond: -1 } });
      assert.equal(badSetting.body.error.field, 'ratePerSecond');
      const got = await call(t, h, 'GET', `${B}/settings`);
      assert.equal(got.body.secrets.smtpUrl, true);
      assert.equal(got.body.secrets.dkimPrivateKey, true);
      assert.doesNotMatch(got.res.body, /PRIVATE KEY|smtp:/);
      assert.ok(!got.res.body.includes(`:${sink.port}`), 'the relay address is not answered back');
      assert.match(got.body.postmarkWebhook, /\/newsletters\/webhooks\/postmark\/[A-Za-z0-9_-]{16,}$/);
      // the relay test letter goes to the staff member, DKIM-signed, through the relay as set now
      const checked = await call(t, h, 'POST', `${B}/settings/test`, {});
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      assert.equal(checked.body.to, 'owner@newsroom.test');
      await sink.waitFor(4);
      const relayLetter = letterTo(sink, 'owner@newsroom.test').at(-1)!;
      assert.match(header(relayLetter.raw, 'Subject'), /test letter/i);
      assert.match(header(relayLetter.raw, 'DKIM-Signature'), /d=khabar\.test; .*s=news/);
      assert.equal((await call(t, h, 'POST', `${B}/settings/test`, { to: 'x@example.org\r\nBcc: y@example.org' })).status, 400);
      await call(t, h, 'PATCH', `${B}/settings`, { secrets: { smtpUrl: secret } });
      await closeNewsletterTransport(t.ctx);
      const refused = await call(t, h, 'POST', `${B}/settings/test`, {});
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /refused the test letter/);
      assert.doesNotMatch(refused.res.body, /s3cret-pass/, 'the password never comes back');

      // an editor without settings.manage cannot see the relay
      const editor = await signInAs(t, 'editor');
      assert.equal((await call(t, editor.headers, 'GET', `${B}/settings`)).status, 403);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });
}

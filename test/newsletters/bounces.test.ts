// Bounces and complaints reach the suppression list three ways: a bounce mailbox read over IMAP (Debian's Dovecot
// on the loopback, with RFC 3464 delivery status notifications to the VERP address, a feedback report and a mailto
// unsubscribe in it), Amazon SES through SNS (the signature checked; unnamed topics, forged signatures and
// certificates off Amazon's hosts refused) and Postmark (its webhook address carries the newsroom's key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { createList } from '../../src/newsletters/lists.ts';
import { createSend, runSends, sendFigures, startSend } from '../../src/newsletters/sending.ts';
import { getNewsletterSecrets, setNewsletterSecrets, updateNewsletterSettings } from '../../src/newsletters/settings.ts';
import { readBounceMailbox } from '../../src/newsletters/bounce_mailbox.ts';
import { takeSesNotification } from '../../src/newsletters/bounces.ts';
import { isSuppressed } from '../../src/newsletters/suppression.ts';
import { closeNewsletterTransport } from '../../src/newsletters/transport.ts';
import { publishedArticle } from '../comments/fixtures.ts';
import { header, letterTo, startMailSink, useSink, type MailSink } from './mail_sink.ts';
import { haveDovecot, startDovecot } from './dovecot.ts';

async function readers(t: TestApp, listId: number, emails: string[]): Promise<void> {
  const now = t.clock.now().toISOString();
  for (const email of emails) {
    const { id } = await t.ctx.db.insertInto('newsletter_subscribers').values({ email, name: '', language: 'en', source: 'staff', created_at: now }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('newsletter_subscriptions').values({ subscriber_id: id, list_id: listId, status: 'subscribed', consent_at: now, consent_ip: '', confirmed_at: now, unsubscribed_at: null }).execute();
  }
}

/** A list with readers and one story sent to them; answers the send's id. */
async function sentStory(t: TestApp, sink: MailSink, emails: string[]): Promise<{ sendId: number; listId: number }> {
  const list = await createList(t.ctx, { slug: 'daily', language: 'en', names: { en: 'Daily' } });
  await readers(t, list.id, emails);
  const sendId = await createSend(t.ctx, { listId: list.id, kind: 'story', articleIds: [await publishedArticle(t.ctx)] }, null);
  await startSend(t.ctx, sendId);
  await runSends(t.ctx);
  await sink.waitFor(emails.length);
  return { sendId, listId: list.id };
}

function dsn(to: string, recipient: string, status: string, diagnostic: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>', `To: <${to}>`, 'Subject: Undelivered Mail Returned to Sender', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=us-ascii', '', 'I\'m sorry to have to inform you that your message could not be delivered.', '',
    '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.org', '',
    `Final-Recipient: rfc822; ${recipient}`, `Original-Recipient: rfc822;${recipient}`, 'Action: failed', `Status: ${status}`, `Diagnostic-Code: smtp; ${diagnostic}`, '',
    '--b1', 'Content-Type: text/rfc822-headers', '', 'From: news@khabar.test', `To: ${recipient}`, 'Subject: Floods reach Kabul', '', '--b1--', '',
  ].join('\r\n');
}

function feedbackReport(to: string, recipient: string): string {
  return [
    'From: <staff@fbl.example.net>', `To: <${to}>`, 'Subject: complaint about message', 'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="f1"', '',
    '--f1', 'Content-Type: text/plain', '', 'This is an email abuse report.', '',
    '--f1', 'Content-Type: message/feedback-report', '', 'Feedback-Type: abuse', 'User-Agent: FBL/1.0', 'Version: 1', `Original-Rcpt-To: ${recipient}`, '',
    '--f1--', '',
  ].join('\r\n');
}

const dialects = testDialects();
const dovecot = haveDovecot();

for (const dialect of dialects) {
  test(`[${dialect}] the bounce mailbox over IMAP (Dovecot): hard, soft, complaint, mailto unsubscribe`, { skip: dovecot ? false : 'Dovecot could not be installed (apt-get install dovecot-imapd)' }, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    const box = await startDovecot();
    try {
      await useSink(t.ctx, sink, { softBounceLimit: 2 });
      await setNewsletterSecrets(t.ctx, { bounceMailboxUrl: box.url });
      const emails = ['gone@example.org', 'full@example.org', 'angry@example.org', 'leaves@example.org', 'stays@example.org'];
      const { sendId, listId } = await sentStory(t, sink, emails);
      const verp = (email: string) => letterTo(sink, email)[0].from;
      assert.match(verp('gone@example.org'), /^bounces\+s\d+\.r\d+\.[A-Za-z0-9_-]{10}@khabar\.test$/);
      box.deliver(dsn(verp('gone@example.org'), 'gone@example.org', '5.1.1', '550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown'));
      box.deliver(dsn(verp('full@example.org'), 'full@example.org', '4.2.2', '452 4.2.2 Mailbox full'));
      box.deliver(feedbackReport(verp('angry@example.org'), 'angry@example.org'));
      const mailto = /<mailto:([^?>]+)\?subject=unsubscribe>/.exec(header(letterTo(sink, 'leaves@example.org')[0].raw, 'List-Unsubscribe'));
      assert.ok(mailto, 'List-Unsubscribe carries a mailto address');
      box.deliver(['From: leaves@example.org', `To: ${mailto[1]}`, 'Subject: unsubscribe', '', 'unsubscribe', ''].join('\r\n'));
      // a forged mailto (another reader's id, a made-up signature) and a delivery report that is not a failure
      box.deliver(['From: x@example.org', `To: ${mailto[1].replace(/\.([A-Za-z0-9_-]{10})@/, '.AAAAAAAAAA@')}`, 'Subject: unsubscribe', '', 'x', ''].join('\r\n'));
      box.deliver(dsn(verp('stays@example.org'), 'stays@example.org', '2.0.0', '250 2.0.0 OK delivered'));
      assert.equal(await readBounceMailbox(t.ctx), 4, 'hard, soft, complaint and the real unsubscribe were acted on');
      assert.equal(await readBounceMailbox(t.ctx), 0, 'each message is read once');
      assert.equal(await isSuppressed(t.ctx, 'gone@example.org'), true, 'a hard bounce suppresses at once');
      assert.equal(await isSuppressed(t.ctx, 'angry@example.org'), true, 'a complaint suppresses at once');
      assert.equal(await isSuppressed(t.ctx, 'full@example.org'), false, 'one soft bounce does not');
      box.deliver(dsn(verp('full@example.org'), 'full@example.org', '4.2.2', '452 4.2.2 Mailbox full'));
      assert.equal(await readBounceMailbox(t.ctx), 1);
      assert.equal(await isSuppressed(t.ctx, 'full@example.org'), true, 'the second soft bounce reaches the limit');
      const subs = await t.ctx.db.selectFrom('newsletter_subscriptions as s').innerJoin('newsletter_subscribers as r', 'r.id', 's.subscriber_id').select(['r.email', 's.status']).where('s.list_id', '=', listId).execute();
      assert.deepEqual(Object.fromEntries(subs.map((s) => [s.email, s.status])), {
        'gone@example.org': 'subscribed', 'full@example.org': 'subscribed', 'angry@example.org': 'subscribed', 'leaves@example.org': 'unsubscribed', 'stays@example.org': 'subscribed',
      });
      const figures = await sendFigures(t.ctx, sendId);
      assert.deepEqual([figures.bounced, figures.complained, figures.unsubscribed], [3, 1, 1]);
      // the next send goes only to the one reader left
      const next = await createSend(t.ctx, { listId, kind: 'story', articleIds: [await publishedArticle(t.ctx, { headline: 'Next day' })] }, null);
      assert.equal((await startSend(t.ctx, next)).recipients, 1);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await box.stop();
      await sink.close();
      await t.close();
    }
  });

  test(`[${dialect}] Amazon SES through SNS: the signature is checked, then bounces and complaints suppress`, async () => {
    const t = await makeTestApp(dialect);
    const sink = await startMailSink();
    try {
      await useSink(t.ctx, sink);
      const { sendId } = await sentStory(t, sink, ['gone@example.org', 'busy@example.org', 'angry@example.org']);
      const topic = 'arn:aws:sns:us-east-1:123456789012:ses-bounces';
      await updateNewsletterSettings(t.ctx, { sesTopics: [topic] });
      const amazon = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
      // a certificate address of its own for each run: certificates are kept by address once fetched
      const certUrl = `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${randomBytes(8).toString('hex')}.pem`;
      const fetched: string[] = [];
      const fetcher = async (url: string) => {
        fetched.push(url);
        if (url === certUrl) return amazon.publicKey.export({ type: 'spki', format: 'pem' }).toString();
        if (url.startsWith('https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription')) return '<ConfirmSubscriptionResponse/>';
        throw new Error(`no such address: ${url}`);
      };
      const signed = (m: Record<string, string>, key = amazon.privateKey, version = '1') => {
        const fields = m.Type === 'Notification' ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
        const text = fields.filter((f) => m[f] !== undefined).map((f) => `${f}\n${m[f]}\n`).join('');
        return { ...m, SignatureVersion: version, SigningCertURL: certUrl, Signature: createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256').update(text).sign(key, 'base64') };
      };
      const messageId = `<s${sendId}.r1@khabar.test>`;
      const note = (message: object) => ({ Type: 'Notification', MessageId: 'm-1', TopicArn: topic, Timestamp: '2026-12-07T10:00:00.000Z', Message: JSON.stringify(message) });
      const bounce = (type: string, email: string) => note({ notificationType: 'Bounce', bounce: { bounceType: type, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] }, mail: { commonHeaders: { messageId } } });

      // refused: a topic not named, a signature by another key, a certificate off Amazon's hosts, no signature
      await assert.rejects(takeSesNotification(t.ctx, signed({ ...bounce('Permanent', 'gone@example.org'), TopicArn: 'arn:aws:sns:us-east-1:210987654321:other' }), fetcher), /not one this newsroom named/);
      await assert.rejects(takeSesNotification(t.ctx, signed(bounce('Permanent', 'gone@example.org'), impostor.privateKey), fetcher), /signature does not verify/);
      await assert.rejects(takeSesNotification(t.ctx, { ...signed(bounce('Permanent', 'gone@example.org')), SigningCertURL: 'https://evil.example/SimpleNotificationService-1.pem' }, fetcher), /signature does not verify/);
      await assert.rejects(takeSesNotification(t.ctx, { ...signed(bounce('Permanent', 'gone@example.org')), SigningCertURL: 'https://sns.us-east-1.amazonaws.com.evil.example/a.pem' }, fetcher), /signature does not verify/);
      await assert.rejects(takeSesNotification(t.ctx, bounce('Permanent', 'gone@example.org'), fetcher), /signature does not verify/);
      const tampered = signed(bounce('Transient', 'gone@example.org'));
      await assert.rejects(takeSesNotification(t.ctx, { ...tampered, Message: bounce('Permanent', 'gone@example.org').Message }, fetcher), /signature does not verify/);
      assert.ok(fetched.every((u) => u === certUrl), `only Amazon's certificate was fetched: ${fetched.join(', ')}`);
      assert.equal(await isSuppressed(t.ctx, 'gone@example.org'), false);

      // accepted: a subscription confirmation (its address visited), a hard bounce, a soft one, a complaint
      const confirm = 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=abc';
      assert.equal(await takeSesNotification(t.ctx, signed({ Type: 'SubscriptionConfirmation', MessageId: 'm-0', Token: 'abc', TopicArn: topic, Message: 'confirm', SubscribeURL: confirm, Timestamp: '2026-12-07T10:00:00.000Z' }), fetcher), 0);
      assert.ok(fetched.includes(confirm));
      assert.equal(await takeSesNotification(t.ctx, signed(bounce('Permanent', 'gone@example.org'), amazon.privateKey, '2'), fetcher), 1);
      assert.equal(await takeSesNotification(t.ctx, signed(bounce('Transient', 'busy@example.org')), fetcher), 1);
      assert.equal(await takeSesNotification(t.ctx, signed(note({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'angry@example.org' }], complaintFeedbackType: 'abuse' }, mail: { commonHeaders: { messageId } } })), fetcher), 1);
      assert.deepEqual(await Promise.all(['gone@example.org', 'busy@example.org', 'angry@example.org'].map((e) => isSuppressed(t.ctx, e))), [true, false, true]);
      const figures = await sendFigures(t.ctx, sendId);
      assert.deepEqual([figures.bounced, figures.complained], [2, 1]);

      // through HTTP (SNS posts text/plain): refused before any fetch when the topic or certificate address is wrong
      const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/newsletters/webhooks/ses', headers: { 'content-type': 'text/plain; charset=UTF-8' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
      const unnamed = await post(signed({ ...bounce('Permanent', 'busy@example.org'), TopicArn: 'arn:aws:sns:us-east-1:210987654321:other' }));
      assert.equal(unnamed.statusCode, 403);
      const offAmazon = await post({ ...signed(bounce('Permanent', 'busy@example.org')), SigningCertURL: 'https://127.0.0.1:1/cert.pem' });
      assert.equal(offAmazon.statusCode, 403);
      assert.equal((await post('{not json')).statusCode, 400);
      assert.equal(await isSuppressed(t.ctx, 'busy@example.org'), false);
    } finally {
      await closeNewsletterTransport(t.ctx);
      await sink.close();
      await t.close();
    }
  });

  test(`[${dialect}] Postmark's bounce webhook: only with the newsroom's key`, async () => {
    const t = await makeTestApp(dialect);
    try {
      await updateNewsletterSettings(t.ctx, { softBounceLimit: 2 });
      const { webhookKey } = await getNewsletterSecrets(t.ctx);
      const post = (key: string, body: object) => t.app.inject({ method: 'POST', url: `/newsletters/webhooks/postmark/${key}`, headers: { 'content-type': 'application/json' }, payload: body });
      const hard = { RecordType: 'Bounce', Type: 'HardBounce', TypeCode: 1, Email: 'gone@example.org', Description: 'The server was unable to deliver your message', Metadata: { messageId: '<s7.r3@khabar.test>' } };
      for (const key of [`${webhookKey.slice(0, -1)}x`, 'short', 'A'.repeat(webhookKey.length)]) {
        const res = await post(key, hard);
        assert.equal(res.statusCode, 403, key);
      }
      assert.equal(await isSuppressed(t.ctx, 'gone@example.org'), false, 'a wrong key changes nothing');
      assert.equal((await post(webhookKey, hard)).json().taken, 1);
      assert.equal(await isSuppressed(t.ctx, 'gone@example.org'), true);
      const soft = { RecordType: 'Bounce', Type: 'SoftBounce', Email: 'full@example.org', Description: 'Mailbox full' };
      await post(webhookKey, soft);
      assert.equal(await isSuppressed(t.ctx, 'full@example.org'), false);
      await post(webhookKey, soft);
      assert.equal(await isSuppressed(t.ctx, 'full@example.org'), true, 'soft bounces suppress at the limit');
      assert.equal((await post(webhookKey, { RecordType: 'SpamComplaint', Email: 'angry@example.org' })).json().taken, 1);
      assert.equal(await isSuppressed(t.ctx, 'angry@example.org'), true);
      assert.equal((await post(webhookKey, { RecordType: 'Delivery', Email: 'fine@example.org' })).json().taken, 0);
      const bounces = await t.ctx.db.selectFrom('newsletter_bounces').select(['email', 'kind', 'send_id']).orderBy('id').execute();
      assert.deepEqual(bounces[0], { email: 'gone@example.org', kind: 'hard', send_id: 7 });
    } finally {
      await t.close();
    }
  });
}

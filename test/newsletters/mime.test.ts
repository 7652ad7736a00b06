// Letters composed by mime.ts: the decoded parts are the send's HTML and text with this reader's links (escaped in
// HTML), every line within the 76-character limit, the subject and sender's name in Dari read back, and the DKIM
// signature verified by mailauth (not by the code that signed it), also for text full of spaces, tabs, "=" signs
// and lines that begin with a dot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { authenticate } from 'mailauth';
import { composeLetter, quotedPrintable } from '../../src/newsletters/mime.ts';
import { personalise, PREFS, UNSUB } from '../../src/newsletters/render.ts';
import { header, part } from './mail_sink.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const DNS = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

async function dkimResult(raw: Buffer): Promise<string> {
  const auth = await authenticate(raw, {
    ip: '127.0.0.1', helo: 'localhost', sender: 'bounces@khabar.test', mta: 'mx.example.org',
    resolver: async (name: string, type: string) => {
      if (type === 'TXT' && name === 'news._domainkey.khabar.test') return [[DNS]];
      throw Object.assign(new Error('no such record'), { code: 'ENOTFOUND' });
    },
  });
  return auth.dkim.results[0]?.status.result ?? 'none';
}

const words = (v: string) => v.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b: string) => Buffer.from(b, 'base64').toString('utf8')).trim();

test('a letter filled in for one reader reads back as its template with their links, DKIM-signed', async () => {
  const html = `<!doctype html><html lang="fa" dir="rtl"><body><h1>سیلاب به کابل رسید</h1><p>${'متن گزارش  با دو فاصله\tو تب = علامت '.repeat(30)}</p>`
    + `<p><a href="${PREFS}">تنظیمات</a> · <a href="${UNSUB}">لغو عضویت</a></p></body></html>`;
  const text = `سیلاب به کابل رسید\n.a line that begins with a dot\ntrailing spaces   \n\n${'x'.repeat(200)}\n${'a = b  '.repeat(40)}\nPreferences: ${PREFS}\nUnsubscribe: ${UNSUB}`;
  const links = { prefs: 'https://news.example/newsletters/preferences?r=12&sig=AbC_d-123', unsubscribe: 'https://news.example/newsletters/unsubscribe?r=12&l=3&sig=XyZ==' };
  const raw = composeLetter({
    from: '"خبر" <news@khabar.test>', to: 'reader@example.org', subject: 'پروندهٔ صبح: ۱۶ قوس ۱۴۰۵ — سیلاب به کابل رسید و آب به خانه‌ها رسید', html, text, links,
    headers: { 'List-Id': { prepared: true, value: '=?UTF-8?B?2b7YsdmI2YbYr9mH?= <morning.khabar.test>' }, 'List-Unsubscribe-Post': { prepared: true, value: 'List-Unsubscribe=One-Click' } },
    messageId: '<s1.r12@khabar.test>',
  }, { domain: 'khabar.test', selector: 'news', key: privateKey });
  const s = raw.toString('utf8');
  assert.equal(await dkimResult(raw), 'pass');
  assert.equal(part(s, 'text/html'), personalise(html, links, true));
  assert.equal(part(s, 'text/plain'), personalise(text, links, false).replace(/\n/g, '\r\n'));
  assert.equal(words(header(s, 'Subject')), 'پروندهٔ صبح: ۱۶ قوس ۱۴۰۵ — سیلاب به کابل رسید و آب به خانه‌ها رسید');
  assert.match(header(s, 'From'), /<news@khabar\.test>$/);
  assert.equal(words(header(s, 'From').replace(/ <.*$/, '')), 'خبر');
  const long = s.split('\r\n').filter((l) => l.length > 78);
  assert.deepEqual(long, [], 'no line longer than 78 characters (76 in the body)');
  assert.doesNotMatch(s, /[\x80-\uffff]/, 'seven-bit on the wire');
  // a change after signing is caught
  assert.ok(s.includes('begins with a dot'));
  assert.notEqual(await dkimResult(Buffer.from(s.replace('begins with a dot', 'begins with a dog'))), 'pass');
});

test('quoted-printable keeps no space where relaxed DKIM would change it', () => {
  assert.equal(quotedPrintable('a  b'), 'a=20 b');
  assert.equal(quotedPrintable('a \nb'), 'a=20\r\nb');
  assert.equal(quotedPrintable(' lead'), '=20lead');
  assert.equal(quotedPrintable('tab\there'), 'tab=09here');
  assert.equal(quotedPrintable('x=y'), 'x=3Dy');
  for (const line of quotedPrintable('ب'.repeat(200)).split('\r\n')) assert.ok(line.length <= 76, line);
});

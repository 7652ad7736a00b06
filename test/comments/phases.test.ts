import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COMMENT_SETTINGS as S } from '../../src/comments/settings.ts';
import type { CommentFacts, Phase } from '../../src/comments/phases/types.ts';
import { blocked, captcha, flood, honeypot, preModeration, proofOfWork, rate, timing } from '../../src/comments/phases/defence.ts';
import { caps, classifier, duplicate, length, links, script, words } from '../../src/comments/phases/content.ts';
import { judge } from '../../src/comments/phases/index.ts';

const NOW = '2026-11-25T09:00:00.000Z';
const at = (s: number) => new Date(Date.parse(NOW) - s * 1000).toISOString();

function facts(over: Partial<CommentFacts> & { body?: string; name?: string; email?: string | null; honeypot?: string } = {}): CommentFacts {
  const { body, name, email, honeypot: hp, ...rest } = over;
  return {
    draft: { articleId: 1, parentId: null, name: name ?? 'Zahra', email: email === undefined ? 'z@example.org' : email, body: body ?? 'The floods reached our street last night.', honeypot: hp ?? '' },
    now: NOW,
    pow: { state: 'ok', issuedAt: at(60) },
    captcha: { state: 'off', score: null, reason: '' },
    blocked: null,
    rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: null, emailHour: 0, articleMinute: 0 },
    approvedBefore: 1,
    sameBody: false,
    nearDuplicate: 0,
    pendingRecent: 0,
    moderateAll: false,
    scripts: ['Latin', 'Arabic'],
    spamProbability: null,
    ...rest,
  };
}

type Row = [string, Partial<CommentFacts> & { body?: string; name?: string; email?: string | null; honeypot?: string }, { action?: string; delta?: 'neg' | 'pos'; status?: number; none?: true }];

function table(phase: Phase, rows: Row[], settings = S) {
  for (const [name, over, want] of rows) {
    test(`${phase.name}: ${name}`, () => {
      const raw = phase(facts(over), settings);
      const results = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
      if (want.none) return assert.deepEqual(results, []);
      assert.ok(results.length > 0, 'expected a result');
      const r = results.find((x) => (want.action ? x.action === want.action : true)) ?? results[0];
      if (want.action) assert.equal(r.action, want.action);
      if (want.status) assert.equal(r.status, want.status);
      if (want.delta === 'neg') assert.ok(results.some((x) => (x.delta ?? 0) < 0), 'expected a penalty');
      if (want.delta === 'pos') assert.ok((r.delta ?? 0) > 0, 'expected a bonus');
      assert.ok(r.reason.length > 0);
    });
  }
}

table(honeypot, [
  ['empty honeypot passes', {}, { none: true }],
  ['filled honeypot is spam', { honeypot: 'http://spam.example' }, { action: 'spam' }],
  ['whitespace only passes', { honeypot: '  ' }, { none: true }],
]);

table(blocked, [
  ['not blocked', {}, { none: true }],
  ['blocked email', { blocked: 'email' }, { action: 'spam' }],
  ['blocked network', { blocked: 'network' }, { action: 'spam' }],
]);

table(proofOfWork, [
  ['valid', {}, { none: true }],
  ['missing is refused, not held', { pow: { state: 'missing', issuedAt: null } }, { action: 'refuse', status: 403 }],
  ['forged or replayed is refused', { pow: { state: 'invalid', issuedAt: null } }, { action: 'refuse', status: 403 }],
  ['expired is refused', { pow: { state: 'expired', issuedAt: at(9000) } }, { action: 'refuse', status: 403 }],
]);

table(timing, [
  ['a minute after the challenge', {}, { none: true }],
  ['exactly 3 s', { pow: { state: 'ok', issuedAt: at(3) } }, { none: true }],
  ['2 s is too fast', { pow: { state: 'ok', issuedAt: at(2) } }, { action: 'refuse', status: 429 }],
  ['no proof of work: nothing to time', { pow: { state: 'missing', issuedAt: null } }, { none: true }],
]);

const withCaptcha = { ...S, captchaProvider: 'recaptcha' as const };
table(captcha, [
  ['off', {}, { none: true }],
  ['good score', { captcha: { state: 'ok', score: 0.9, reason: '' } }, { none: true }],
  ['low score costs', { captcha: { state: 'ok', score: 0.1, reason: '' } }, { delta: 'neg' }],
  ['failed token refused', { captcha: { state: 'failed', score: null, reason: 'invalid-input-response' } }, { action: 'refuse', status: 403 }],
  ['verifier down holds', { captcha: { state: 'down', score: null, reason: 'TimeoutError' } }, { action: 'hold' }],
  ['no token holds', { captcha: { state: 'missing', score: null, reason: 'no token' } }, { action: 'hold' }],
], withCaptcha);

table(rate, [
  ['quiet', {}, { none: true }],
  ['address over 10-minute limit', { rate: { ipTenMinutes: S.ipMaxPerTenMinutes, ipHour: 0, networkHour: 0, emailLastAt: null, emailHour: 0, articleMinute: 0 } }, { action: 'refuse', status: 429 }],
  ['address just under the limit', { rate: { ipTenMinutes: S.ipMaxPerTenMinutes - 1, ipHour: 0, networkHour: 0, emailLastAt: null, emailHour: 0, articleMinute: 0 } }, { none: true }],
  ['network over hourly limit', { rate: { ipTenMinutes: 0, ipHour: 0, networkHour: S.networkMaxPerHour, emailLastAt: null, emailHour: 0, articleMinute: 0 } }, { action: 'refuse' }],
  ['same email 10 s ago', { rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: at(10), emailHour: 1, articleMinute: 0 } }, { action: 'refuse', status: 429 }],
  ['same email 15 s ago passes', { rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: at(15), emailHour: 1, articleMinute: 0 } }, { none: true }],
  ['sixth comment in an hour', { rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: at(600), emailHour: 5, articleMinute: 0 } }, { action: 'refuse' }],
  ['no email: email limits do not apply', { email: null, rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: at(1), emailHour: 9, articleMinute: 0 } }, { none: true }],
]);

table(flood, [
  ['calm article', {}, { none: true }],
  ['flooded article holds', { rate: { ipTenMinutes: 0, ipHour: 0, networkHour: 0, emailLastAt: null, emailHour: 0, articleMinute: S.articleMaxPerMinute } }, { action: 'hold' }],
]);

table(preModeration, [
  ['normal', { pendingRecent: 50 }, { none: true }],
  ['51 pending in 10 minutes switches to pre-moderation', { pendingRecent: 51 }, { action: 'hold' }],
  ['site moderates everything', { moderateAll: true }, { action: 'hold' }],
]);

table(duplicate, [
  ['fresh text', {}, { none: true }],
  ['same body from same person refused', { sameBody: true }, { action: 'refuse', status: 409 }],
  ['near-duplicate of another comment costs', { nearDuplicate: 0.9 }, { delta: 'neg' }],
]);

table(links, [
  ['no links', {}, { none: true }],
  ['one link from a regular', { body: 'See https://example.org/report for more.' }, { none: true }],
  ['one link from a first-time commenter holds', { approvedBefore: 0, body: 'See https://example.org/report for more.' }, { action: 'hold' }],
  ['two links hold', { body: 'https://a.example and https://b.example' }, { action: 'hold', delta: 'neg' }],
  ['blocked domain costs', { body: 'buy at http://shop.spam.example now' }, { delta: 'neg' }],
  ['javascript: is not a link', { approvedBefore: 0, body: 'javascript:alert(1) is not a link' }, { none: true }],
], { ...S, blockedDomains: ['spam.example'] });

table(words, [
  ['clean', {}, { none: true }],
  ['blocked word', { body: 'cheap casino bonus' }, { delta: 'neg' }],
  ['blocked word in the name', { name: 'Casino King' }, { delta: 'neg' }],
  ['Arabic yeh and kaf fold to Persian', { body: 'این يك كازينو است' }, { delta: 'neg' }],
  ['ZWNJ and bidi controls removed', { body: 'کا\u200cزی\u200fنو' }, { delta: 'neg' }],
  ['a word inside another word is not a match', { body: 'casinos are not listed' }, { none: true }],
], { ...S, blockedWords: ['casino', 'کازینو'] });

table(caps, [
  ['normal case', {}, { none: true }],
  ['shouting', { body: 'THIS IS A DISGRACE AND EVERYONE KNOWS IT' }, { delta: 'neg' }],
  ['short acronym', { body: 'UN' }, { none: true }],
  ['Persian has no case', { body: 'سیلاب به خیابان ما رسید و همه جا را گرفت' }, { none: true }],
]);

table(length, [
  ['ordinary', {}, { none: true }],
  ['very short', { body: 'ok!' }, { delta: 'neg' }],
  ['very long', { body: 'a'.repeat(2900) }, { delta: 'neg' }],
]);

table(script, [
  ['English', {}, { none: true }],
  ['Persian', { body: 'سیلاب به خیابان ما رسید' }, { none: true }],
  ['Cyrillic on a Latin/Arabic site', { body: 'Купить дешево здесь прямо сейчас' }, { delta: 'neg' }],
  ['digits only', { body: '1234 5678' }, { none: true }],
]);

table(classifier, [
  ['untrained', {}, { none: true }],
  ['spammy', { spamProbability: 0.99 }, { delta: 'neg' }],
  ['hammy', { spamProbability: 0.01 }, { delta: 'pos' }],
]);

test('judge: a clean comment with proof of work is published with score 1', () => {
  const d = judge(facts(), S);
  assert.equal(d.kind, 'store');
  assert.equal(d.kind === 'store' && d.status, 'approved');
  assert.equal(d.score, 1);
});

test('judge: no proof of work is refused with its own message, never stored', () => {
  const d = judge(facts({ pow: { state: 'missing', issuedAt: null } }), S);
  assert.equal(d.kind, 'refuse');
  assert.equal(d.kind === 'refuse' && d.refusal.messageKey, 'comments.error.pow_missing');
});

test('judge: honeypot beats a refusal and is filed as spam silently', () => {
  const d = judge(facts({ honeypot: 'x', pow: { state: 'invalid', issuedAt: null } }), S);
  assert.ok(d.kind === 'store' && d.status === 'spam' && d.silent);
});

test('judge: penalties below the reject threshold are refused with the score message', () => {
  const d = judge(facts({ body: 'CHEAP CASINO BONUS CLICK NOW FRIENDS', spamProbability: 0.99 }), { ...S, blockedWords: ['casino'] });
  assert.ok(d.kind === 'store' && d.status === 'spam' && d.scoreRefused && !d.silent);
  assert.ok(d.score < S.rejectBelow);
  assert.ok(d.results.length >= 3, 'every reason is kept');
});

test('judge: a middling score is held', () => {
  const d = judge(facts({ body: 'Купить дешево здесь прямо сейчас', nearDuplicate: 0.85 }), S);
  assert.ok(d.kind === 'store' && d.status === 'pending');
  assert.ok(d.score >= S.rejectBelow && d.score < S.publishAt);
});

test('judge: the score stays inside [0, 1]', () => {
  const d = judge(facts({ spamProbability: 0.0 }), S);
  assert.equal(d.score, 1);
  const e = judge(facts({ body: 'CASINO CASINO http://a.spam http://b.spam http://c.spam', spamProbability: 1, nearDuplicate: 1 }), { ...S, blockedWords: ['casino'], blockedDomains: ['spam'] });
  assert.equal(e.score, 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import formbody from '@fastify/formbody';
import { verifyCaptcha } from '../../src/comments/captcha.ts';
import type { CaptchaVerifyUrls } from '../../src/comments/captcha_urls.ts';
import { DEFAULT_COMMENT_SETTINGS, getCommentSettings, type CaptchaProvider, type CommentSettings } from '../../src/comments/settings.ts';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { cheapSettings, publishedArticle, solvedPayload, postForm, ORIGIN } from './fixtures.ts';

/** A local stand-in for the providers' siteverify endpoints: the token names the answer. */
async function fakeVerifier() {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formbody);
  const seen: Record<string, string>[] = [];
  // A 'slow' verifier never answers while the test runs, so the adapter's time limit is what ends the wait,
  // however busy the machine.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  app.post('/siteverify', async (req, reply) => {
    const b = req.body as Record<string, string>;
    seen.push(b);
    if (b.secret !== 'server-secret') return { success: false, 'error-codes': ['invalid-input-secret'] };
    switch (b.response) {
      case 'good': return { success: true, score: 0.9, action: 'comment', hostname: 'news.example' };
      case 'low': return { success: true, score: 0.1, action: 'comment' };
      case 'wrong-action': return { success: true, score: 0.9, action: 'login' };
      case 'no-score': return { success: true, action: 'comment' };
      case 'error': return reply.code(500).send('boom');
      case 'garbage': return reply.type('application/json').send('{not json');
      case 'slow': await held; return { success: true };
      default: return { success: false, 'error-codes': ['invalid-input-response'] };
    }
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${url}/siteverify`, seen, close: () => { release(); return app.close(); } };
}

/** Every provider's address pointed at one place, as a test context carries it. */
const at = (url: string): { captchaVerifyUrls: CaptchaVerifyUrls } => ({ captchaVerifyUrls: { recaptcha: url, turnstile: url, hcaptcha: url } });

const settings = (provider: CaptchaProvider, more: Partial<CommentSettings> = {}): CommentSettings =>
  ({ ...DEFAULT_COMMENT_SETTINGS, captchaProvider: provider, captchaSecret: 'server-secret', captchaSiteKey: 'site-key', captchaTimeoutMs: 30_000, ...more });

test('captcha adapters verify against a local fake server, with score and action checks', async () => {
  const v = await fakeVerifier();
  try {
    const rows: [CaptchaProvider, string | undefined, string, number | null][] = [
      ['recaptcha', 'good', 'ok', 0.9],
      ['recaptcha', 'low', 'ok', 0.1],
      ['recaptcha', 'no-score', 'failed', null],
      ['recaptcha', 'wrong-action', 'failed', 0.9],
      ['turnstile', 'no-score', 'ok', null],
      ['turnstile', 'forged', 'failed', null],
      ['hcaptcha', 'good', 'ok', 0.9],
      ['hcaptcha', 'error', 'down', null],
      ['hcaptcha', 'garbage', 'down', null],
      ['turnstile', 'slow', 'down', null],
      ['recaptcha', undefined, 'missing', null],
    ];
    for (const [provider, token, state, score] of rows) {
      // A generous time limit, so a busy machine never turns an answer into "down"; only 'slow' outwaits a short one.
      const r = await verifyCaptcha(at(v.url), settings(provider, token === 'slow' ? { captchaTimeoutMs: 300 } : {}), token, '203.0.113.9');
      assert.equal(r.state, state, `${provider} ${token}: ${r.reason}`);
      assert.equal(r.score, score, `${provider} ${token}`);
    }
    assert.equal((await verifyCaptcha(at(v.url), settings('recaptcha', { captchaSecret: 'wrong' }), 'good', '::1')).state, 'failed');
    assert.deepEqual({ ...v.seen[0] }, { secret: 'server-secret', response: 'good', remoteip: '203.0.113.9' });
    assert.equal(v.seen.find((s) => s.response === 'good' && s.sitekey)?.sitekey, 'site-key', 'hCaptcha gets the site key');
    assert.equal((await verifyCaptcha(at(v.url), { ...DEFAULT_COMMENT_SETTINGS }, 'anything', '::1')).state, 'off', 'off by default');
  } finally {
    await v.close();
  }
  const down = await verifyCaptcha(at('http://127.0.0.1:9/siteverify'), settings('turnstile'), 'good', '::1');
  assert.equal(down.state, 'down');
});

for (const dialect of testDialects()) {
  test(`with a verifier configured: down holds, refused tokens fail, low scores cost (${dialect})`, async () => {
    const v = await fakeVerifier();
    const a = await makeTestApp(dialect);
    try {
      a.ctx.captchaVerifyUrls = at(v.url).captchaVerifyUrls;
      await cheapSettings(a.ctx, { captchaProvider: 'recaptcha', captchaSecret: 'server-secret', captchaTimeoutMs: 30_000 });
      const articleId = String(await publishedArticle(a.ctx));
      const post = async (token: string, ip: string) => postForm(a.app, { article_id: articleId, comment: `Comment with token ${token}`, name: 'Reader', altcha: await solvedPayload(a.app), 'g-recaptcha-response': token }, { 'x-test-ip': ip });
      assert.equal((await post('good', '192.0.2.1')).json().status, 'approved');
      assert.equal((await post('error', '192.0.2.2')).json().status, 'pending', 'verifier down holds');
      const forged = await post('forged', '192.0.2.3');
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.message, 'Captcha verification failed!');
      assert.equal((await post('low', '192.0.2.4')).json().status, 'pending', 'low score holds');
      await v.close();
      assert.equal((await post('good', '192.0.2.5')).json().status, 'pending', 'verifier gone holds');
    } finally {
      await a.close();
      await v.close();
    }
  });
}

/** A server that notes every request made to it: the address an editor would like the secret sent to. */
async function listener() {
  const app = Fastify();
  const hits: string[] = [];
  app.all('/*', async (req) => {
    hits.push(`${req.method} ${req.url} ${typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? '')}`);
    return { success: true, score: 1, action: 'comment' };
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${url}/collect`, hits, close: () => app.close() };
}

for (const dialect of testDialects()) {
  test(`an editor cannot make the server send the captcha secret, or any request, to an address of their choosing (${dialect})`, async () => {
    const provider = await fakeVerifier();
    const attacker = await listener();
    const a = await makeTestApp(dialect);
    try {
      a.ctx.captchaVerifyUrls = at(provider.url).captchaVerifyUrls;
      await cheapSettings(a.ctx, { captchaProvider: 'recaptcha', captchaSecret: 'server-secret', captchaTimeoutMs: 30_000 });
      const editor = await signInAs(a, 'editor');
      const patch = await a.app.inject({
        method: 'PATCH', url: '/api/admin/comments/settings', headers: { ...editor.headers, ...ORIGIN },
        payload: { comments: { captchaVerifyUrl: attacker.url } },
      });
      // Refused with the field named, or (a schema that drops unknown fields) accepted without it; never kept.
      if (patch.statusCode === 400) assert.match(patch.body, /captchaVerifyUrl/);
      else assert.equal(patch.statusCode, 200, patch.body);
      assert.equal('captchaVerifyUrl' in (await getCommentSettings(a.ctx.db)), false);
      // A value stored before the setting went away is ignored too.
      const stored = JSON.stringify({ ...(await getCommentSettings(a.ctx.db)), captchaVerifyUrl: attacker.url });
      await a.ctx.db.updateTable('settings').set({ value: stored }).where('key', '=', 'comments').execute();
      assert.equal('captchaVerifyUrl' in (await getCommentSettings(a.ctx.db)), false);
      const shown = await a.app.inject({ method: 'GET', url: '/api/admin/comments/settings', headers: editor.headers });
      assert.doesNotMatch(shown.body, /collect/);

      const articleId = String(await publishedArticle(a.ctx));
      const res = await postForm(a.app, { article_id: articleId, comment: 'A reader writes in', name: 'Reader', altcha: await solvedPayload(a.app), 'g-recaptcha-response': 'good' });
      assert.equal(res.json().status, 'approved', res.body);
      assert.deepEqual(attacker.hits, [], 'nothing reached the editor\'s address');
      assert.equal(provider.seen.length, 1, 'the provider\'s own address was asked');
      assert.equal(provider.seen[0].secret, 'server-secret');
    } finally {
      await a.close();
      await provider.close();
      await attacker.close();
    }
  });
}

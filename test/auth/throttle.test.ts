// Guessing limits under attack: guesses sent all at once check no more than guesses sent one after another,
// for passwords, two-factor codes and reset emails; a guesser's failures do not keep the owner out; guessing
// spread over many addresses still meets the account's limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testDialects, makeTestApp, makeTestContext } from '../helpers/context.ts';
import { CookieJar, STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { beginEnrollment, codeAt, confirmEnrollment } from '../../src/auth/two_factor.ts';
import type { Letter } from '../../src/auth/mail.ts';
import { ACCOUNT_BUCKET, claimResetEmail, PAIR_RULE, takeAttempt } from '../../src/auth/throttle.ts';

const HOUR = 3600_000;

/** A browser at one address (trustProxy is off in tests, so the address is the injected socket's). */
class Browser {
  readonly jar = new CookieJar();
  private csrf: Promise<string> | null = null;
  constructor(private app: FastifyInstance, readonly ip: string) {}
  async post(url: string, payload: object) {
    // One token for all of this browser's requests, also when they go out at once.
    this.csrf ??= this.app.inject({ method: 'GET', url: '/api/admin/csrf', remoteAddress: this.ip }).then((res) => {
      this.jar.take(res);
      return res.json().token as string;
    });
    const csrf = await this.csrf;
    const res = await this.app.inject({ method: 'POST', url, remoteAddress: this.ip, payload,
      headers: { cookie: this.jar.header(), 'x-csrf-token': csrf } });
    this.jar.take(res);
    return res;
  }
  signIn(email: string, password = STAFF_PASSWORD) {
    return this.post('/api/admin/auth/login', { email, password });
  }
}

function tally(codes: number[]): Record<number, number> {
  const t: Record<number, number> = {};
  for (const c of codes) t[c] = (t[c] ?? 0) + 1;
  return t;
}

const allowedFromOneAddress = PAIR_RULE.free + 1;

for (const dialect of testDialects()) {
  test(`an hour without attempts forgives them: free attempts and the first wait start again (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const take = () => takeAttempt(t.ctx, 'signin', 'Mina@khabar.test', '2001:db8:1:2::7');
      const refusedAfter = async (seconds: string) => {
        await assert.rejects(takeAttempt(t.ctx, 'signin', 'mina@khabar.test', '2001:db8:1:2:ffff::1'), (e: Error & { retryAfterSeconds?: number }) =>
          e.message.includes('Too many') && String(e.retryAfterSeconds) === seconds, 'the same account, from the same /64');
      };
      for (let i = 0; i < PAIR_RULE.free + 1; i++) await take();
      await refusedAfter('1');
      t.clock.advance(1000);
      await take();
      await refusedAfter('2');
      t.clock.advance(3600_000 + 2000);
      for (let i = 0; i < PAIR_RULE.free + 1; i++) await take();
      await refusedAfter('1');
      assert.equal(await claimResetEmail(t.ctx, 'mina@khabar.test', 300_000), true);
      assert.equal(await claimResetEmail(t.ctx, 'MINA@khabar.test', 300_000), false);
      t.clock.advance(2 * 3600_000);
      assert.equal(await claimResetEmail(t.ctx, 'mina@khabar.test', 300_000), true);
      assert.equal(await claimResetEmail(t.ctx, 'mina@khabar.test', 300_000), false);
    } finally {
      await t.close();
    }
  });

  test(`twenty wrong passwords at once from one address: only as many are checked as one after another (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      await createUser(a.ctx, { email: 'mina@khabar.test', name: 'Mina Rahimi', password: STAFF_PASSWORD, role: 'editor' });
      const attacker = new Browser(a.app, '203.0.113.66');
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attacker.signIn('mina@khabar.test', `guess number ${i}`)));
      assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: allowedFromOneAddress, 429: 20 - allowedFromOneAddress });
      assert.equal((await attacker.signIn('mina@khabar.test')).statusCode, 429, 'the right password waits too, from that address');
      const owner = new Browser(a.app, '198.51.100.20');
      assert.equal((await owner.signIn('mina@khabar.test')).statusCode, 200, 'the owner, elsewhere, signs in');
    } finally {
      await a.close();
    }
  });

  test(`a stolen session is no way round the limits: confirming the password counts as a guess (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      await createUser(a.ctx, { email: 'mina@khabar.test', name: 'Mina Rahimi', password: STAFF_PASSWORD, role: 'editor' });
      const thief = new Browser(a.app, '203.0.113.66');
      assert.equal((await thief.signIn('mina@khabar.test')).statusCode, 200);
      for (const url of ['/api/admin/auth/password', '/api/admin/auth/2fa/recovery-codes', '/api/admin/auth/2fa/disable']) {
        const body = (guess: string) => (url.endsWith('/password') ? { currentPassword: guess, newPassword: 'a new and long passphrase 7' } : { password: guess });
        const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => thief.post(url, body(`guess number ${i}`))));
        const t = tally(answers.map((r) => r.statusCode));
        assert.ok((t[429] ?? 0) > 0 && (t[400] ?? 0) <= allowedFromOneAddress, `${url}: ${JSON.stringify(t)}`);
        a.clock.advance(HOUR + 1000);
      }
    } finally {
      await a.close();
    }
  });

  test(`twenty wrong two-factor codes at once: only as many are checked as one after another (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const id = await createUser(a.ctx, { email: 'farida@khabar.test', name: 'Farida Noori', password: STAFF_PASSWORD, role: 'owner' });
      const { secret } = await beginEnrollment(a.ctx, id, 'Khabar');
      await confirmEnrollment(a.ctx, id, codeAt(secret, a.clock.now()));
      a.clock.advance(60_000);
      const thief = new Browser(a.app, '203.0.113.66');
      assert.deepEqual((await thief.signIn('farida@khabar.test')).json(), { stage: 'two_factor' }, 'the thief has the password');
      const right = codeAt(secret, a.clock.now());
      const accepted = [-30_000, 0, 30_000].map((d) => codeAt(secret, new Date(a.clock.now().getTime() + d)));
      const wrong = Array.from({ length: 22 }, (_, i) => String(100_000 + i * 7919)).filter((c) => !accepted.includes(c)).slice(0, 19);
      const answers = await Promise.all(wrong.map((code) => thief.post('/api/admin/auth/login/code', { code })));
      assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: allowedFromOneAddress, 429: 19 - allowedFromOneAddress });
      assert.equal((await thief.post('/api/admin/auth/login/code', { code: right })).statusCode, 429);
      assert.deepEqual((await thief.signIn('farida@khabar.test')).json(), { stage: 'two_factor' }, 'signing in again with the password...');
      assert.equal((await thief.post('/api/admin/auth/login/code', { code: right })).statusCode, 429, '...does not forgive the wrong codes');
    } finally {
      await a.close();
    }
  });

  test(`twenty reset requests at once, from twenty addresses, send one email (${dialect})`, async () => {
    const a = await makeTestApp(dialect, { smtpUrl: 'smtp://mail.invalid:25' });
    const letters: Letter[] = [];
    // The email goes out after the answer (a slow mail server must not show which accounts exist): wait for it.
    let arrived = () => {};
    const nextLetter = () => new Promise<void>((resolve) => { arrived = resolve; });
    let letter = nextLetter();
    a.ctx.mail = { sendMail: async (l) => { letters.push(l); arrived(); } };
    try {
      const id = await createUser(a.ctx, { email: 'omar@khabar.test', name: 'Omar Zahir', password: STAFF_PASSWORD, role: 'editor' });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        new Browser(a.app, `192.0.2.${i + 1}`).post('/api/admin/auth/reset/request', { email: 'omar@khabar.test' })));
      assert.ok(answers.every((r) => r.statusCode === 202), 'the same answer to everyone');
      await letter;
      const links = await a.ctx.db.selectFrom('auth_links').select('id').where('kind', '=', 'reset').where('user_id', '=', id).execute();
      assert.equal(links.length, 1);
      assert.equal(letters.length, 1);
      a.clock.advance(5 * 60_000 + 1000);
      letter = nextLetter();
      await new Browser(a.app, '192.0.2.99').post('/api/admin/auth/reset/request', { email: 'omar@khabar.test' });
      await letter;
      assert.equal(letters.length, 2, 'another after five minutes');
    } finally {
      await a.close();
    }
  });

  test(`a guesser's failures do not keep the owner out; guessing from many addresses meets the account's limit (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      await createUser(a.ctx, { email: 'sami@khabar.test', name: 'Sami Ahmadi', password: STAFF_PASSWORD, role: 'admin' });
      const desk = new Browser(a.app, '198.51.100.20');
      assert.equal((await desk.signIn('sami@khabar.test')).statusCode, 200, 'Sami signs in at his desk before the attack');

      const attacker = new Browser(a.app, '203.0.113.66');
      for (let i = 0; i < 6; i++) assert.equal((await attacker.signIn('sami@khabar.test', `first guess ${i}`)).statusCode, 401);
      assert.equal((await attacker.signIn('sami@khabar.test')).statusCode, 429, 'the guesser waits, right password or not');
      assert.equal((await new Browser(a.app, '192.0.2.250').signIn('sami@khabar.test')).statusCode, 200, 'Sami, elsewhere, does not');

      // The guesser goes on as fast as the limits let them, for three hours; all along, Sami signs in from new addresses.
      const start = a.clock.now().getTime();
      let guesses = 6;
      let elsewhere = 0;
      while (a.clock.now().getTime() - start < 3 * HOUR) {
        const res = await attacker.signIn('sami@khabar.test', `guess number ${guesses}`);
        if (res.statusCode === 401) guesses++;
        else a.clock.advance(Number(res.headers['retry-after']) * 1000);
        const owner = await new Browser(a.app, `192.0.2.${++elsewhere}`).signIn('sami@khabar.test');
        assert.equal(owner.statusCode, 200, `the owner, from an address never used before, after ${guesses} guesses`);
      }
      assert.ok(guesses >= 20 && guesses <= 30, `${guesses} guesses checked in three hours`); // 26 when measured
      const travelling = new Browser(a.app, '192.0.2.200');
      assert.equal((await travelling.signIn('sami@khabar.test')).statusCode, 200);
      a.clock.advance(2 * HOUR);

      // Many addresses, one guess each, all at once: the account's bucket takes its size, then one per leak.
      const botnet = Array.from({ length: 30 }, (_, i) => new Browser(a.app, `10.9.${i >> 4}.${i + 1}`));
      const answers = await Promise.all(botnet.map((b, i) => b.signIn('sami@khabar.test', `spread guess ${i}`)));
      assert.deepEqual(tally(answers.map((r) => r.statusCode)), { 401: ACCOUNT_BUCKET.size, 429: 30 - ACCOUNT_BUCKET.size });
      const late = await new Browser(a.app, '10.9.9.9').signIn('sami@khabar.test');
      assert.equal(late.statusCode, 429, 'a new address waits, right password or not');
      assert.equal(late.headers['retry-after'], String(ACCOUNT_BUCKET.leakMs / 1000));
      assert.equal((await desk.signIn('sami@khabar.test')).statusCode, 200, 'the desk where Sami signed in before is not held back');
      assert.equal((await travelling.signIn('sami@khabar.test')).statusCode, 200, 'nor where he signed in during the attack');
      a.clock.advance(ACCOUNT_BUCKET.leakMs);
      assert.equal((await new Browser(a.app, '10.9.9.10').signIn('sami@khabar.test', 'late guess')).statusCode, 401, 'after the leak, one more guess');
      assert.equal((await new Browser(a.app, '10.9.9.11').signIn('sami@khabar.test', 'later guess')).statusCode, 429, 'and no second');
    } finally {
      await a.close();
    }
  });
  test(`25 wrong guesses from one office address across accounts: the people who signed in there before still sign in and change a password (${dialect})`, async () => {
    const a = await makeTestApp(dialect);
    try {
      const staff = ['mina', 'sami', 'laila'].map((n) => `${n}@khabar.test`);
      for (const email of staff) await createUser(a.ctx, { email, name: email, password: STAFF_PASSWORD, role: 'author' });
      await createUser(a.ctx, { email: 'new@khabar.test', name: 'New', password: STAFF_PASSWORD, role: 'author' });
      const office = '203.0.113.10';
      // Everyone in the office has signed in there before, and their sign-ins, right ones, count nothing.
      for (let day = 0; day < 3; day++) {
        for (const email of staff) assert.equal((await new Browser(a.app, office).signIn(email)).statusCode, 200, `${email} on day ${day}`);
      }
      // One guesser behind the same NAT: 25 wrong guesses across the staff's accounts and others.
      const guesser = new Browser(a.app, office);
      const targets = [...staff, 'editor@khabar.test', 'admin@khabar.test'];
      const answers: number[] = [];
      for (let i = 0; i < 25; i++) answers.push((await guesser.signIn(targets[i % targets.length], `guess ${i}`)).statusCode);
      // After 20 failures the address waits: guesses at accounts never signed in from here are refused (the last
      // two); guesses at the staff's accounts still meet their own pair limit (5 free each), not the address's.
      assert.deepEqual(tally(answers), { 401: 23, 429: 2 });
      assert.deepEqual(answers.slice(23), [429, 429]);
      assert.equal((await guesser.signIn('editor@khabar.test', 'one more')).statusCode, 429, 'the guesser waits');
      // The people who know their passwords are not held back by the address's limit, and their password change
      // counts against their own account only.
      for (const email of staff) {
        const person = new Browser(a.app, office);
        const res = await person.signIn(email);
        assert.equal(res.statusCode, 200, `${email}: ${res.body}`);
        const change = await person.post('/api/admin/auth/password', { currentPassword: STAFF_PASSWORD, newPassword: `a brand new passphrase number ${staff.indexOf(email) + 7}` });
        assert.equal(change.statusCode, 200, `${email} changes the password: ${change.body}`);
        assert.equal((await new Browser(a.app, office).signIn(email, `a brand new passphrase number ${staff.indexOf(email) + 7}`)).statusCode, 200);
      }
      // An account that never signed in from the office waits there like the guesser (it signs in from elsewhere).
      assert.equal((await new Browser(a.app, office).signIn('new@khabar.test')).statusCode, 429);
      assert.equal((await new Browser(a.app, '198.51.100.7').signIn('new@khabar.test')).statusCode, 200);
      // A right password never arms a wait: twenty-five sign-ins in a row from a new address all pass.
      const busy = new Browser(a.app, '198.51.100.8');
      for (let i = 0; i < 25; i++) assert.equal((await busy.signIn('new@khabar.test')).statusCode, 200, `sign-in ${i}`);
    } finally {
      await a.close();
    }
  });
}

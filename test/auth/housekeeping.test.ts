import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { STAFF_PASSWORD } from '../helpers/staff.ts';
import { createUser } from '../../src/auth/users.ts';
import { createSession, findSession } from '../../src/auth/sessions.ts';
import { createLink } from '../../src/auth/links.ts';
import { takeAttempt } from '../../src/auth/throttle.ts';
import { tidyAccounts } from '../../src/auth/housekeeping.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';

const client = { ip: '192.0.2.1', userAgent: 'test' };

for (const dialect of testDialects()) {
  test(`tidying removes expired sessions, old links and forgotten failures, and nothing live (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const id = await createUser(t.ctx, { email: 'a@khabar.test', name: 'A Person', password: STAFF_PASSWORD, role: 'author' });
      await createSession(t.ctx, id, 'full', client);
      await createLink(t.ctx, { kind: 'reset', userId: id });
      await takeAttempt(t.ctx, 'signin', 'a@khabar.test', client.ip);
      assert.deepEqual(await tidyAccounts(t.ctx), { sessions: 0, links: 0, failures: 0 });
      t.clock.advance(13 * 3600_000);
      const live = await createSession(t.ctx, id, 'full', client);
      await createLink(t.ctx, { kind: 'invite', email: 'b@khabar.test', role: 'author' });
      assert.deepEqual(await tidyAccounts(t.ctx), { sessions: 1, links: 0, failures: 3 }, 'account and address, address, account');
      t.clock.advance(24 * 3600_000);
      const r = await tidyAccounts(t.ctx);
      assert.equal(r.links, 1, 'the reset link expired a day ago; the invitation is still open');
      assert.equal(r.sessions, 1);
      assert.equal(await findSession(t.ctx, live), null);
    } finally {
      await t.close();
    }
  });

  test(`the job runner tidies the accounts tables once an hour (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const id = await createUser(t.ctx, { email: 'c@khabar.test', name: 'C Person', password: STAFF_PASSWORD, role: 'author' });
      assert.deepEqual((await runDueJobs(t.ctx)).tidied, { sessions: 0, links: 0, failures: 0 }, 'the first run tidies');
      await createSession(t.ctx, id, 'full', client);
      t.clock.advance(13 * 3600_000);
      assert.deepEqual((await runDueJobs(t.ctx)).tidied, { sessions: 1, links: 0, failures: 0 }, 'the expired session goes');
      await createSession(t.ctx, id, 'full', client);
      t.clock.advance(59 * 60_000);
      assert.equal((await runDueJobs(t.ctx)).tidied, null, 'not again within the hour');
      t.clock.advance(12 * 3600_000);
      assert.deepEqual((await runDueJobs(t.ctx)).tidied, { sessions: 1, links: 0, failures: 0 });
    } finally {
      await t.close();
    }
  });
}

// Errors away from a request are told, not swallowed: a password reset email the mail server refused is logged
// for the newsroom (the person asking still gets the same answer), and a media file that exists but cannot be
// read is an error, not "not found".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestContext } from './helpers/context.ts';
import { createUser } from '../src/auth/users.ts';
import { requestReset } from '../src/auth/invitations.ts';
import { DiskMediaStore } from '../src/media/store.ts';

test('a reset email the mail server refuses is logged with the account, not dropped in silence', async () => {
  const t = await makeTestContext('sqlite');
  try {
    let told!: (line: { message: string; details: Record<string, unknown> }) => void;
    const logged = new Promise<{ message: string; details: Record<string, unknown> }>((r) => { told = r; });
    t.ctx.mail = { sendMail: async () => { throw Object.assign(new Error('554 relay refused'), { code: 'EENVELOPE' }); } };
    t.ctx.log = { warn: () => undefined, error: (message, details = {}) => told({ message, details }) };
    const id = await createUser(t.ctx, { email: 'editor@khabar.test', name: 'Farida Noori', password: 'a long enough passphrase here', role: 'editor' });
    await requestReset(t.ctx, 'editor@khabar.test');
    const line = await logged;
    assert.equal(line.message, 'a password reset email could not be sent');
    assert.equal(line.details.user, id);
    assert.deepEqual(line.details.err, { type: 'Error', message: '554 relay refused', code: 'EENVELOPE' });
    assert.ok(!JSON.stringify(line).includes('http'), 'the reset link is not in the log');
  } finally {
    await t.close();
  }
});

test('the media folder says "not found" only for a missing file; an unreadable one is an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-media-errors-'));
  try {
    const store = new DiskMediaStore(dir);
    assert.equal(await store.get('2026/12/missing.jpg'), null);
    mkdirSync(join(dir, '2026/12/broken.jpg'), { recursive: true }); // a folder where a file should be: EISDIR
    await assert.rejects(store.get('2026/12/broken.jpg'), { code: 'EISDIR' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

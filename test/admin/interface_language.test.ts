// The newsroom app speaks each staff member's language: a member chooses Dari, Pashto or English for themselves
// (PUT /api/admin/auth/language), the app's page then opens in that language and direction and /me says which;
// null follows the site's language. Another member keeps theirs; a language the site does not know is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { APP_DIR } from '../../src/admin_pages/app_shell.ts';
import { updateSettings } from '../../src/content/settings.ts';

const built = existsSync(`${APP_DIR}index.html`);

for (const dialect of testDialects()) {
  test(`each staff member's interface language (${dialect})`, { skip: !built && 'run `npm run build` first' }, async () => {
    const t = await makeTestApp(dialect);
    try {
      const farida = await signInAs(t, 'editor');
      const other = await signInAs(t, 'author');
      const shell = async (who: { headers: Record<string, string> }) => /<html lang="(\w+)" dir="(\w+)">/.exec((await t.app.inject({ method: 'GET', url: '/admin/articles', headers: who.headers })).body)?.slice(1);
      const choose = (language: unknown, who = farida) => t.app.inject({ method: 'PUT', url: '/api/admin/auth/language', headers: who.headers, payload: { language } });
      const me = async (who: { headers: Record<string, string> }) => (await t.app.inject({ method: 'GET', url: '/api/admin/auth/me', headers: who.headers })).json().user.language;

      assert.deepEqual(await shell(farida), ['en', 'ltr'], 'the site\'s language to begin with');
      assert.equal(await me(farida), null);
      let r = await choose('fa');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await shell(farida), ['fa', 'rtl']);
      assert.equal(await me(farida), 'fa');
      assert.deepEqual(await shell(other), ['en', 'ltr'], 'another member keeps theirs');
      assert.equal((await choose('ps', other)).statusCode, 200);
      assert.deepEqual(await shell(other), ['ps', 'rtl']);

      // A Dari site: a member who chose English keeps English; one who chose nothing reads Dari.
      await updateSettings(t.ctx, { language: 'fa' });
      assert.equal((await choose('en')).statusCode, 200);
      assert.deepEqual(await shell(farida), ['en', 'ltr']);
      assert.equal((await choose(null)).statusCode, 200);
      assert.deepEqual(await shell(farida), ['fa', 'rtl'], 'null follows the site');

      for (const bad of ['de', '', 'fa"><script>', 7, ['fa']]) {
        r = await choose(bad);
        assert.equal(r.statusCode, 400, `${JSON.stringify(bad)}: ${r.body}`);
      }
      assert.equal((await t.app.inject({ method: 'PUT', url: '/api/admin/auth/language', payload: { language: 'fa' } })).statusCode, 401, 'signed out: refused');
      const noToken = await t.app.inject({ method: 'PUT', url: '/api/admin/auth/language', headers: { cookie: farida.cookie }, payload: { language: 'ps' } });
      assert.equal(noToken.statusCode, 403, 'no CSRF token: refused');
      assert.deepEqual(await shell(farida), ['fa', 'rtl'], 'the refused changes changed nothing');
    } finally {
      await t.close();
    }
  });
}

// A person's name in each language: a Dari story's byline shows the Dari name, an English one the English name, and a
// name refused names its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call } from '../admin/api.ts';

for (const dialect of testDialects()) {
  test(`people have a name per language, used by that language's bylines (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const made = await call(t, editor, 'POST', '/api/admin/people', { name: 'Farida Noori', names: { fa: 'فریده نوری', ps: ' ' } });
      assert.equal(made.status, 201, made.res.body);
      const person = (await call(t, editor, 'GET', `/api/admin/people/${made.body.id}`)).body;
      assert.deepEqual((person.person ?? person).names, { fa: 'فریده نوری' }, 'a blank name is dropped');
      for (const bad of [{ xx: 'x' }, { fa: 'ف'.repeat(101) }, ['فریده']]) {
        const r = await call(t, editor, 'PATCH', `/api/admin/people/${made.body.id}`, { names: bad });
        assert.equal(r.status, 400, JSON.stringify(bad));
        assert.match(r.body.error.field, /^names/);
      }
      const story = async (headline: string, language: string) => {
        const id = (await call(t, editor, 'POST', '/api/admin/articles', { headline, language, authorIds: [made.body.id], bodyHtml: '<p>Text.</p>' })).body.id;
        assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/publish`)).status, 200);
      };
      await story('Wheat harvest begins', 'en');
      await story('برداشت گندم آغاز شد', 'fa');
      await story('د غنمو رېبل پیل شول', 'ps');
      assert.match((await t.app.inject('/articles/wheat-harvest-begins')).body, /<bdi>Farida Noori<\/bdi>/);
      const dari = (await t.app.inject(`/articles/${encodeURIComponent('برداشت-گندم-آغاز-شد')}`)).body;
      assert.match(dari, /<p class="byline">نویسنده: <a href="\/author\/farida-noori" rel="author"><bdi>فریده نوری<\/bdi><\/a><\/p>/);
      assert.match(dari, /"author":\[\{"@type":"Person","name":"فریده نوری"/, 'JSON-LD too');
      assert.match((await t.app.inject(`/articles/${encodeURIComponent('د-غنمو-رېبل-پیل-شول')}`)).body, /<bdi>Farida Noori<\/bdi>/, 'no Pashto name: the default');
    } finally {
      await t.close();
    }
  });
}

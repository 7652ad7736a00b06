// Bad input and attacks on the Admin API: wrong role, missing CSRF token, tampered ids, HTML and script in every
// text field, oversized and mislabelled uploads, bombs and SVG. Each gets a clear 4xx and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { MAX_UPLOAD_BYTES } from '../../src/media/images.ts';
import { bombPng, call, jpeg, upload, type Headers } from './api.ts';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

async function count(t: TestApp, table: 'articles' | 'sections' | 'media' | 'article_revisions' | 'people' | 'tags'): Promise<number> {
  const r = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function headline(t: TestApp, id: number): Promise<string> {
  return (await t.ctx.db.selectFrom('articles').select('headline').where('id', '=', id).executeTakeFirstOrThrow()).headline;
}

for (const dialect of testDialects()) {
  test(`[${dialect}] wrong role, missing CSRF token and someone else's draft: refused, nothing changes`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const contributor = (await signInAs(t, 'contributor', { email: 'c@newsroom.test' })).headers;
      const alice = (await signInAs(t, 'author', { email: 'alice@newsroom.test' })).headers;
      const bob = (await signInAs(t, 'author', { email: 'bob@newsroom.test' })).headers;

      const wrongRole = await call(t, contributor, 'POST', '/api/admin/sections', { name: 'Contributor desk' });
      assert.equal(wrongRole.status, 403);
      assert.equal(await count(t, 'sections'), 0);

      const noCsrf: Headers = { ...editor };
      delete noCsrf['x-csrf-token'];
      const refused = await call(t, noCsrf, 'POST', '/api/admin/sections', { name: 'Forged desk' });
      assert.equal(refused.status, 403);
      assert.equal(await count(t, 'sections'), 0);
      assert.equal((await call(t, { ...editor, 'x-csrf-token': 'forged' }, 'POST', '/api/admin/sections', { name: 'Forged desk' })).status, 403);
      assert.equal(await count(t, 'sections'), 0);

      const draft = await call(t, alice, 'POST', '/api/admin/articles', { headline: 'Alice draft', bodyHtml: '<p>Mine.</p>' });
      assert.equal(draft.status, 201);
      const id = draft.body.id;
      const revisions = await count(t, 'article_revisions');
      const revId = (await call(t, alice, 'GET', `/api/admin/articles/${id}/revisions`)).body.revisions[0].id;
      for (const [method, url, body] of [
        ['PATCH', `/api/admin/articles/${id}`, { headline: 'Bob was here' }],
        ['PUT', `/api/admin/articles/${id}/autosave`, { headline: 'Bob was here' }],
        ['POST', `/api/admin/articles/${id}/publish`, undefined],
        ['POST', `/api/admin/articles/${id}/schedule`, { at: '2030-01-01T00:00:00Z' }],
        ['POST', `/api/admin/articles/${id}/archive`, undefined],
        ['POST', `/api/admin/articles/${id}/submit`, undefined],
        ['POST', `/api/admin/articles/${id}/preview`, {}],
        ['POST', `/api/admin/articles/${id}/revisions/${revId}/restore`, undefined],
        ['DELETE', `/api/admin/articles/${id}`, undefined],
      ] as const) {
        for (const who of [bob, contributor]) {
          const r = await call(t, who, method, url, body);
          assert.equal(r.status, 403, `${method} ${url} on someone else's draft`);
        }
      }
      assert.equal(await headline(t, id), 'Alice draft');
      assert.equal(await count(t, 'article_revisions'), revisions);
      assert.equal((await call(t, alice, 'GET', `/api/admin/articles/${id}`)).body.article.status, 'draft');
      // Alice may; so may an editor.
      assert.equal((await call(t, alice, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Alice edit' })).status, 200);
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Editor edit' })).status, 200);
      // Bob's list of his own work does not include Alice's draft.
      const mine = await call(t, bob, 'GET', '/api/admin/articles?mine=true');
      assert.equal(mine.body.total, 0);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] validation errors name the field; HTML in text fields is kept as text, bodies are sanitized`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const unknown = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'x', bogus: 1 });
      assert.equal(unknown.status, 400);
      assert.deepEqual({ code: unknown.body.error.code, field: unknown.body.error.field }, { code: 'invalid', field: 'bogus' });
      const long = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'x'.repeat(301) });
      assert.equal(long.body.error.field, 'headline');
      const missing = await call(t, editor, 'POST', '/api/admin/articles', { standfirst: 'no headline' });
      assert.equal(missing.body.error.field, 'headline');
      const badId = await call(t, editor, 'GET', '/api/admin/articles/abc');
      assert.equal(badId.status, 400);
      assert.equal(badId.body.error.field, 'id');
      const badSchedule = await call(t, editor, 'POST', '/api/admin/articles/1/schedule', { at: 'tomorrow' });
      assert.equal(badSchedule.body.error.field, 'at');
      assert.equal(await count(t, 'articles'), 0);

      const section = await call(t, editor, 'POST', '/api/admin/sections', { name: `Desk ${XSS}`, description: XSS });
      assert.equal(section.status, 201);
      const person = await call(t, editor, 'POST', '/api/admin/people', { name: `Writer ${XSS}`, bio: XSS, roleLabel: XSS });
      assert.equal(person.status, 201);
      const created = await call(t, editor, 'POST', '/api/admin/articles', {
        headline: `Headline ${XSS}`, standfirst: `Standfirst ${XSS}`, bodyHtml: `<p>Body</p>${XSS}<a href="javascript:alert(3)">link</a>`,
        heroCaption: XSS, heroCredit: XSS, heroAlt: XSS, tags: [`Tag ${XSS}`], sectionId: section.body.id, authorIds: [person.body.id],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const a = (await call(t, editor, 'GET', `/api/admin/articles/${created.body.id}`)).body.article;
      assert.equal(a.headline, `Headline ${XSS}`, 'text fields are stored as the text given');
      assert.equal(a.standfirst, `Standfirst ${XSS}`);
      assert.doesNotMatch(a.body_html, /<script|onerror|javascript:/i, 'the body is sanitized');
      assert.match(a.body_html, /<p>Body<\/p>/);
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${a.id}/publish`)).status, 200);
      const page = await t.app.inject({ method: 'GET', url: `/articles/${a.slug}` });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert|<img [^>]*onerror|href="javascript:/, 'nothing runs on the public page');
      assert.match(page.body, /<h1>Headline &lt;script>alert/);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] uploads: oversized, a PHP file named .jpg, a decompression bomb and SVG are refused; alt text before hero use`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const author = (await signInAs(t, 'author')).headers;
      const big = await upload(t, author, { name: 'huge.jpg', type: 'image/jpeg', bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0xff) });
      assert.equal(big.status, 413);
      const php = await upload(t, author, { name: 'shell.jpg', type: 'image/jpeg', bytes: Buffer.from('<?php system($_GET["c"]); ?>') });
      assert.equal(php.status, 400);
      assert.equal(php.body.error.field, 'file');
      const bomb = await upload(t, author, { name: 'bomb.png', type: 'image/png', bytes: bombPng() });
      assert.equal(bomb.status, 400);
      assert.equal(bomb.body.error.field, 'file');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      const refusedSvg = await upload(t, author, { name: 'logo.svg', type: 'image/svg+xml', bytes: svg });
      assert.equal(refusedSvg.status, 400);
      assert.equal(refusedSvg.body.error.field, 'file');
      const noFile = await call(t, author, 'POST', '/api/admin/media', { alt: 'x' });
      assert.equal(noFile.status, 400);
      const wrongField = await upload(t, author, { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg(), field: 'evil' });
      assert.equal(wrongField.status, 400);
      assert.equal(await count(t, 'media'), 0);

      const plain = await upload(t, author, { name: 'a.jpg', type: 'image/jpeg', bytes: await jpeg('#aa3300') });
      assert.equal(plain.status, 201);
      const mediaId = plain.body.media.id;
      const noAlt = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Hero without alt', heroMediaId: mediaId });
      assert.equal(noAlt.status, 400);
      assert.equal(noAlt.body.error.field, 'heroAlt');
      assert.equal(await count(t, 'articles'), 0);
      const draft = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Hero later' });
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${draft.body.id}`, { heroMediaId: mediaId })).status, 400);
      const described = await call(t, author, 'PATCH', `/api/admin/media/${mediaId}`, { alt: 'A red square' });
      assert.equal(described.status, 200);
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${draft.body.id}`, { heroMediaId: mediaId })).status, 200);
      assert.equal((await call(t, author, 'POST', `/api/admin/articles/${draft.body.id}/publish`)).status, 200);
      const other = (await signInAs(t, 'contributor', { email: 'other@newsroom.test' })).headers;
      assert.equal((await call(t, other, 'PATCH', `/api/admin/media/${mediaId}`, { alt: 'defaced' })).status, 403, 'only the uploader or an editor describes an image');
    } finally {
      await t.close();
    }
  });
}

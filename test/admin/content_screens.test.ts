// The Admin API under the app's content screens: merging one tag into another (its articles move, its page answers
// 301, the pages showing either tag are purged), a renamed tag's old address, sections nesting one level, a square
// cut from a picture for a person's photo, and an article's SEO title and description (stored, kept in revisions,
// used by the public page) and pull quotes in its body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, jpeg, upload } from './api.ts';

for (const dialect of testDialects()) {
  test(`tags merge and rename, sections nest one level (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const a1 = (await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Bread prices rise', tags: ['Bread', 'Prices'] })).body.id;
      const a2 = (await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Flour runs short', tags: ['Flour'] })).body.id;
      for (const id of [a1, a2]) assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${id}/publish`)).status, 200);
      const tags = (await call(t, editor, 'GET', '/api/admin/tags')).body.tags as { id: number; name: string; slug: string }[];
      const id = (name: string) => tags.find((x) => x.name === name)!.id;

      // The target's page is in the page cache before the merge: it must show the moved article after it.
      assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/tag/bread' })).body, /Flour runs short/);
      const merged = await call(t, editor, 'POST', `/api/admin/tags/${id('Flour')}/merge`, { into: id('Bread') });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal(merged.body.moved, 1);
      assert.equal(merged.body.tag.slug, 'bread');
      assert.deepEqual((await call(t, editor, 'GET', `/api/admin/articles/${a2}`)).body.article.tags.map((x: { name: string }) => x.name), ['Bread']);
      assert.equal((await call(t, editor, 'GET', `/api/admin/tags/${id('Flour')}`)).status, 404);
      const old = await t.app.inject({ method: 'GET', url: '/tag/flour' });
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/tag/bread');
      assert.match((await t.app.inject({ method: 'GET', url: '/tag/bread' })).body, /Flour runs short/, 'the page cache was purged');

      // Refusals with the field named, never a 500.
      assert.equal((await call(t, editor, 'POST', `/api/admin/tags/${id('Bread')}/merge`, { into: id('Bread') })).body.error.field, 'into');
      assert.equal((await call(t, editor, 'POST', `/api/admin/tags/${id('Bread')}/merge`, { into: 999999 })).body.error.field, 'into');
      assert.equal((await call(t, editor, 'POST', '/api/admin/tags/999999/merge', { into: id('Bread') })).status, 404);
      const contributor = (await signInAs(t, 'contributor')).headers;
      assert.equal((await call(t, contributor, 'POST', `/api/admin/tags/${id('Prices')}/merge`, { into: id('Bread') })).status, 403);

      // A tag given a new address keeps its old one as a redirect, and the earlier redirect leads straight there.
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/tags/${id('Bread')}`, { name: 'Bread and flour', slug: 'bread-and-flour' })).status, 200);
      for (const url of ['/tag/bread', '/tag/flour']) {
        const r = await t.app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, 301, url);
        assert.equal(r.headers.location, '/tag/bread-and-flour', url);
      }
      assert.equal((await t.app.inject({ method: 'GET', url: '/tag/no-such-tag' })).statusCode, 404);

      // Sections: one level of nesting, a parent that exists.
      const news = (await call(t, editor, 'POST', '/api/admin/sections', { name: 'News', position: 0 })).body.id;
      const kabul = (await call(t, editor, 'POST', '/api/admin/sections', { name: 'Kabul', parentId: news, position: 1 })).body.id;
      const nested = await call(t, editor, 'POST', '/api/admin/sections', { name: 'Districts', parentId: kabul });
      assert.equal(nested.status, 400);
      assert.equal(nested.body.error.field, 'parentId');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/sections/${news}`, { parentId: kabul })).body.error.field, 'parentId');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/sections/${kabul}`, { parentId: 999999 })).body.error.field, 'parentId');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/sections/${kabul}`, { parentId: kabul })).body.error.field, 'parentId');
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/sections/${kabul}`, { parentId: null, position: -1 })).status, 200);
      assert.deepEqual((await call(t, editor, 'GET', '/api/admin/sections')).body.sections.map((s: { name: string }) => s.name), ['Kabul', 'News']);
    } finally {
      await t.close();
    }
  });

  test(`a square cut from a picture becomes a person's photo; SEO fields and pull quotes (${dialect})`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const up = await upload(t, editor, { name: 'wide.jpg', type: 'image/jpeg', bytes: await jpeg('#884422', 1200, 600) }, { alt: 'Farida at her desk', credit: 'Photo: Desk' });
      assert.equal(up.status, 201);
      const photo = up.body.media;
      const square = await call(t, editor, 'POST', `/api/admin/media/${photo.id}/square`, { x: 300, y: 100, size: 400 });
      assert.equal(square.status, 201, JSON.stringify(square.body));
      const cut = square.body.media;
      assert.notEqual(cut.id, photo.id);
      assert.equal(cut.width, cut.height);
      assert.equal(cut.width, 400);
      assert.equal(cut.alt, 'Farida at her desk');
      const file = await t.app.inject({ method: 'GET', url: cut.url });
      assert.equal(file.statusCode, 200);
      const meta = await sharp(file.rawPayload).metadata();
      assert.equal(meta.width, meta.height, 'the served variant is square');
      for (const [box, field] of [[{ x: 900, y: 0, size: 400 }, 'x'], [{ x: 0, y: 300, size: 400 }, 'y'], [{ x: 0, y: 0, size: 700 }, 'size'], [{ x: 0, y: 0, size: 8 }, 'size']] as const) {
        const r = await call(t, editor, 'POST', `/api/admin/media/${photo.id}/square`, box);
        assert.equal(r.status, 400, JSON.stringify(box));
        assert.equal(r.body.error.field, field);
      }
      assert.equal((await call(t, editor, 'POST', '/api/admin/media/999999/square', { x: 0, y: 0, size: 100 })).status, 404);
      const person = await call(t, editor, 'POST', '/api/admin/people', { name: 'فریده نوری', bio: 'Farida covers Kabul.', photoMediaId: cut.id });
      assert.equal(person.status, 201);
      assert.equal((await call(t, editor, 'GET', `/api/admin/people/${person.body.id}`)).body.person.photo_media_id, cut.id);

      // SEO title and description: stored, in revisions, used by the public page; a pull quote keeps its one class.
      const body = '<p>Prices doubled.</p><blockquote class="pull-quote big" style="color:red">We cannot pay</blockquote><blockquote class="other">Plain</blockquote>';
      const made = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Bread prices rise', standfirst: 'Again.', bodyHtml: body, seoTitle: 'Bread costs twice as much in Kabul', seoDescription: 'Why bread prices doubled this year.' });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const a = (await call(t, editor, 'GET', `/api/admin/articles/${made.body.id}`)).body.article;
      assert.equal(a.seo_title, 'Bread costs twice as much in Kabul');
      assert.match(a.body_html, /<blockquote class="pull-quote">We cannot pay<\/blockquote>/);
      assert.match(a.body_html, /<blockquote>Plain<\/blockquote>/);
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${a.id}`, { seoTitle: 'x'.repeat(121) })).body.error.field, 'seoTitle');
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${a.id}/publish`)).status, 200);
      const page = (await t.app.inject({ method: 'GET', url: `/articles/${a.slug}` })).body;
      assert.match(page, /<title>Bread costs twice as much in Kabul \| /);
      assert.match(page, /<meta name="description" content="Why bread prices doubled this year."/);
      assert.match(page, /<meta property="og:title" content="Bread costs twice as much in Kabul"/);
      assert.match(page, /<h1[^>]*>Bread prices rise<\/h1>/, 'the page keeps the headline');
      assert.match(page, /<blockquote class="pull-quote">/);

      const revisions = (await call(t, editor, 'GET', `/api/admin/articles/${a.id}/revisions`)).body.revisions;
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${a.id}`, { seoTitle: '', seoDescription: '' })).status, 200);
      // a published story's change is public once the editor presses Update
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${a.id}/update`)).status, 200);
      const cleared = (await t.app.inject({ method: 'GET', url: `/articles/${a.slug}` })).body;
      assert.match(cleared, /<title>Bread prices rise \| /, 'without an SEO title the headline is the title');
      assert.match(cleared, /<meta name="description" content="Again."/);
      const first = revisions.at(-1).id;
      assert.equal((await call(t, editor, 'POST', `/api/admin/articles/${a.id}/revisions/${first}/restore`)).status, 200);
      assert.equal((await call(t, editor, 'GET', `/api/admin/articles/${a.id}`)).body.article.seo_description, 'Why bread prices doubled this year.');
    } finally {
      await t.close();
    }
  });
}

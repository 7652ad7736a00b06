// The "done means", through HTTP alone: the owner sets up desks, a contributor files a draft with an
// uploaded image and submits it, an editor schedules it, the job runner publishes it on time with byline, image
// and section, and the editor restores an earlier revision. Preview links and Content API keys along the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects } from '../helpers/context.ts';
import { signInAs, StaffClient } from '../helpers/staff.ts';
import type { TestApp } from '../helpers/context.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { call, jpeg, upload, type Headers } from './api.ts';

/** The owner invites someone with a role; they accept the link through HTTP and are signed in. */
async function join(t: TestApp, owner: Headers, role: 'editor' | 'contributor', email: string): Promise<{ userId: number; headers: Headers }> {
  const invited = await call(t, owner, 'POST', '/api/admin/invitations', { email, role, name: `New ${role}` });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const link = new URL(invited.body.link);
  const token = link.searchParams.get('token') ?? link.pathname.split('/').at(-1)!;
  const client = new StaffClient(t.app);
  const accepted = await client.call('POST', '/api/admin/auth/invitation', { token, name: `New ${role}`, password: 'a long and private passphrase 7' });
  assert.equal(accepted.statusCode, 201, accepted.body);
  return { userId: accepted.json().id, headers: { cookie: client.jar.header(), 'x-csrf-token': await client.csrf() } };
}

const HOUR = 3600_000;

for (const dialect of testDialects()) {
  test(`[${dialect}] a contributor's story goes from draft to the public site on schedule`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const owner = (await signInAs(t, 'owner')).headers;
      const editor = (await join(t, owner, 'editor', 'editor@newsroom.test')).headers;
      const writer = await join(t, owner, 'contributor', 'writer@newsroom.test');
      const contributor = writer.headers;

      const section = await call(t, owner, 'POST', '/api/admin/sections', { name: 'Immigration News', description: 'People on the move.' });
      assert.equal(section.status, 201, JSON.stringify(section.body));
      const sectionId = section.body.id;
      // Tags are the editors' vocabulary: a contributor picks from the tags that exist.
      assert.equal((await call(t, owner, 'POST', '/api/admin/tags', { name: 'Borders' })).status, 201);

      // The contributor uploads an image (alt text given) and writes a draft around it.
      const img = await upload(t, contributor, { name: 'crossing.jpg', type: 'image/jpeg', bytes: await jpeg() }, { alt: 'Families waiting at the crossing', credit: 'Photo: Desk' });
      assert.equal(img.status, 201, JSON.stringify(img.body));
      const mediaId = img.body.media.id;
      const created = await call(t, contributor, 'POST', '/api/admin/articles', {
        headline: 'Border crossings rise', standfirst: 'Families wait for days.', bodyHtml: '<p>First version of the story.</p>', sectionId,
        heroMediaId: mediaId, heroCaption: 'At the crossing', tags: ['Borders'],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const first = await call(t, contributor, 'GET', `/api/admin/articles/${id}`);
      assert.equal(first.body.article.authorIds.length, 1, 'the byline defaults to the contributor');
      assert.equal(first.body.article.created_by, writer.userId);

      t.clock.advance(60_000);
      const autosaved = await call(t, contributor, 'PUT', `/api/admin/articles/${id}/autosave`, { bodyHtml: '<p>Typing…</p>' });
      assert.equal(autosaved.status, 200);
      t.clock.advance(60_000);
      const edited = await call(t, contributor, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Border crossings rise sharply', bodyHtml: '<p>Second version, with more reporting.</p>' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));

      // A preview link shows the draft; an altered link shows nothing.
      const preview = await call(t, contributor, 'POST', `/api/admin/articles/${id}/preview`, { minutes: 30 });
      assert.equal(preview.status, 200);
      const path = new URL(preview.body.url).pathname;
      const shown = await t.app.inject({ method: 'GET', url: path });
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /Border crossings rise sharply/);
      assert.match(shown.headers['x-robots-tag'] as string, /noindex/);
      assert.match(shown.body, /class="preview-banner"[^>]*><strong>Preview.<\/strong> This story is not public: it is a draft\./, 'the preview says it is not public');
      assert.equal((await t.app.inject({ method: 'GET', url: path.replace(/\/(\d+)\./, `/${id + 1}.`) })).statusCode, 404);

      // Contributors submit; they cannot publish or schedule.
      assert.equal((await call(t, contributor, 'POST', `/api/admin/articles/${id}/publish`)).status, 403);
      const submitted = await call(t, contributor, 'POST', `/api/admin/articles/${id}/submit`);
      assert.equal(submitted.status, 200);
      assert.equal(submitted.body.article.status, 'review');

      // The editor schedules it for two hours from now.
      const at = new Date(t.clock.now().getTime() + 2 * HOUR).toISOString();
      const scheduled = await call(t, editor, 'POST', `/api/admin/articles/${id}/schedule`, { at });
      assert.equal(scheduled.status, 200, JSON.stringify(scheduled.body));
      assert.equal(scheduled.body.article.status, 'scheduled');
      const slug = scheduled.body.article.slug;
      assert.equal((await t.app.inject({ method: 'GET', url: `/articles/${slug}` })).statusCode, 404);
      assert.equal((await call(t, contributor, 'PATCH', `/api/admin/articles/${id}`, { headline: 'Sneaky change' })).status, 403, 'scheduled stories are out of a contributor\'s hands');

      t.clock.advance(2 * HOUR + 1000);
      assert.deepEqual((await runDueJobs(t.ctx)).published, [id]);
      const page = await t.app.inject({ method: 'GET', url: `/articles/${slug}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Border crossings rise sharply/);
      assert.match(page.body, /class="byline"[^]*?rel="author"/, 'byline');
      assert.match(page.body, /<img [^>]*src="\/media\/[^"]+"[^>]*alt="Families waiting at the crossing"/, 'hero image with its alt text');
      assert.match(page.body, /class="section-label" href="\/section\/immigration-news">Immigration News</, 'section label');

      const log = await call(t, owner, 'GET', `/api/admin/audit?subject=article:${id}`);
      assert.equal(log.status, 200, JSON.stringify(log.body));
      const actions = JSON.stringify(log.body);
      assert.match(actions, /article\.schedule/);
      assert.match(actions, /article\.publish/);

      // The editor restores the first revision.
      const revisions = await call(t, editor, 'GET', `/api/admin/articles/${id}/revisions`);
      assert.equal(revisions.status, 200);
      const original = revisions.body.revisions.at(-1);
      assert.equal(original.note, 'created');
      const diff = await call(t, editor, 'GET', `/api/admin/articles/${id}/revisions/diff?from=${original.id}&to=${revisions.body.revisions[0].id}`);
      assert.equal(diff.status, 200);
      assert.ok(diff.body.diff.headline.some((p: { added?: boolean; value: string }) => p.added && /sharply/.test(p.value)));
      const restored = await call(t, editor, 'POST', `/api/admin/articles/${id}/revisions/${original.id}/restore`);
      assert.equal(restored.status, 200, JSON.stringify(restored.body));
      assert.equal(restored.body.article.headline, 'Border crossings rise');
      // The story is published: the restored text waits in its working copy until the editor presses Update.
      assert.doesNotMatch((await t.app.inject({ method: 'GET', url: `/articles/${slug}` })).body, /First version of the story/);
      const updated = await call(t, editor, 'POST', `/api/admin/articles/${id}/update`);
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      const after = await t.app.inject({ method: 'GET', url: `/articles/${slug}` });
      assert.match(after.body, /First version of the story/);

      // Apps read it through the Content API with a key the owner issues and can revoke.
      const key = await call(t, owner, 'POST', '/api/admin/api-keys', { name: 'Mobile app' });
      assert.equal(key.status, 201);
      const bearer = { authorization: `Bearer ${key.body.key}` };
      const list = await call(t, bearer, 'GET', '/api/content/articles');
      assert.equal(list.status, 200);
      assert.equal(list.body.articles[0].slug, slug);
      assert.equal(list.body.articles[0].section.name, 'Immigration News');
      const one = await call(t, null, 'GET', `/api/content/articles/${slug}?key=${key.body.key}`);
      assert.equal(one.status, 200);
      assert.match(one.body.article.bodyHtml, /First version/);
      assert.ok(one.body.article.hero.url.includes('/media/'));
      assert.equal((await call(t, bearer, 'GET', '/api/content/sections')).body.sections[0].slug, 'immigration-news');
      assert.equal((await call(t, owner, 'GET', '/api/admin/api-keys')).body.apiKeys[0].prefix, key.body.key.slice(0, 10));
      assert.equal((await call(t, owner, 'DELETE', `/api/admin/api-keys/${key.body.apiKey.id}`)).status, 204);
      assert.equal((await call(t, bearer, 'GET', '/api/content/articles')).status, 401, 'a revoked key opens nothing');
      assert.equal((await call(t, { authorization: 'Bearer khk_forged' }, 'GET', '/api/content/tags')).status, 401);

      // The preview link expires.
      t.clock.advance(HOUR);
      assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 404);
    } finally {
      await t.close();
    }
  });
}

// Side doors into other people's work, closed in the content domain (src/content/actor_rules.ts):
// 1. a picture's usage list names only the articles the caller may open;
// 2. a tag name with `<` keeps the Atom feeds well-formed;
// 3. a source's credit and the original's address (the canonical link) need sources.manage;
// 4. a translation link joins only stories the writer may change;
// 5. a tag's new address may not remove someone else's redirect;
// 6. merging (or deleting) a tag needs every article carrying it to be the writer's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp, testDialects, type TestApp } from '../helpers/context.ts';
import { signInAs } from '../helpers/staff.ts';
import { call, jpeg, upload, type Headers } from './api.ts';

async function publishedBy(t: TestApp, editor: Headers, body: Record<string, unknown>): Promise<number> {
  const made = await call(t, editor, 'POST', '/api/admin/articles', body);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const pub = await call(t, editor, 'POST', `/api/admin/articles/${made.body.id}/publish`, {});
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  return made.body.id;
}

for (const dialect of testDialects()) {
  test(`[${dialect}] a picture's usage names only the articles the caller may open`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const contributor = (await signInAs(t, 'contributor')).headers;
      const up = await upload(t, contributor, { name: 'p.jpg', type: 'image/jpeg', bytes: await jpeg() }, { alt: 'A river' });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      const media = up.body.media;
      const secret = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Minister to resign on Friday', heroMediaId: media.id, heroAlt: 'A river' });
      assert.equal(secret.status, 201, JSON.stringify(secret.body));
      const mine = await call(t, contributor, 'POST', '/api/admin/articles', { headline: 'My river story', heroMediaId: media.id, heroAlt: 'A river' });

      const seen = await call(t, contributor, 'GET', `/api/admin/media/${media.id}/usage`);
      assert.equal(seen.status, 200);
      assert.ok(!JSON.stringify(seen.body).includes('Minister'), JSON.stringify(seen.body));
      assert.deepEqual(seen.body.articles.map((a: { id: number }) => a.id), [mine.body.id]);
      assert.equal(seen.body.others, 1);
      assert.ok(seen.body.uses.some((u: { kind: string; id: number | null }) => u.kind === 'article' && u.id === null), 'counted, not named');
      // An editor reads every use, headlines included.
      const all = await call(t, editor, 'GET', `/api/admin/media/${media.id}/usage`);
      assert.equal(all.body.articles.length, 2);
      assert.equal(all.body.others, 0);
      assert.ok(JSON.stringify(all.body).includes('Minister'));
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] a tag named "Q&A <live>" keeps the Atom feed well-formed`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const author = (await signInAs(t, 'author')).headers;
      const made = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Live answers', tags: ['Q&A <live> "now"'] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal((await call(t, author, 'POST', `/api/admin/articles/${made.body.id}/publish`, {})).status, 200);
      const atom = (await t.app.inject({ url: '/atom.xml' })).body;
      assert.match(atom, /label="Q&amp;A &lt;live&gt; &quot;now&quot;"/);
      assert.doesNotMatch(atom, /="[^"]*</, 'no < inside an attribute value');
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] crediting a source or giving the original's address needs sources.manage`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const author = (await signInAs(t, 'author')).headers;
      const source = await call(t, editor, 'POST', '/api/admin/sources', { name: 'Partner News' });
      assert.equal(source.status, 201, JSON.stringify(source.body));
      const sourceId = source.body.id;
      const forged = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Fake partner story', sourceId, sourceUrl: 'https://evil.example/x' });
      assert.equal(forged.status, 403, JSON.stringify(forged.body));
      assert.match(forged.body.error.message, /syndication sources/);
      const own = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Own story' });
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${own.body.id}`, { sourceUrl: 'https://evil.example/x' })).status, 403);
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${own.body.id}`, { sourceId })).status, 403);
      const kept = await call(t, author, 'GET', `/api/admin/articles/${own.body.id}`);
      assert.equal(kept.body.article.source_url, null);
      assert.equal(kept.body.article.source_id, null);
      // Sending the values the article already has (a full save from the editor) is no change, so it passes.
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${own.body.id}`, { sourceId: null, sourceUrl: null, headline: 'Own story, edited' })).status, 200);
      // An editor credits a source.
      const credited = await call(t, editor, 'POST', '/api/admin/articles', { headline: 'Partner story', sourceId, sourceUrl: 'https://partner.example/a' });
      assert.equal(credited.status, 201, JSON.stringify(credited.body));
      // And an author may then edit that story's text without touching the credit.
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${credited.body.id}`, { sourceId, headline: 'Partner story, edited' })).status, 200);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] a translation link joins only stories the writer may change`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const author = (await signInAs(t, 'author')).headers;
      const theirs = await publishedBy(t, editor, { headline: 'Election results', language: 'en' });
      const side = await call(t, author, 'POST', '/api/admin/articles', { headline: 'نتایج انتخابات', language: 'fa', translationOf: theirs });
      assert.equal(side.status, 403, JSON.stringify(side.body));
      assert.equal(side.body.error.code, 'forbidden');
      const page = (await t.app.inject({ url: '/articles/election-results' })).body;
      assert.doesNotMatch(page, /hreflang="fa"/);
      const draft = await call(t, author, 'POST', '/api/admin/articles', { headline: 'Draft in Dari', language: 'fa' });
      assert.equal((await call(t, author, 'PATCH', `/api/admin/articles/${draft.body.id}`, { translationOf: theirs })).status, 403);
      // Their own stories they link; an editor links any.
      const mine = await call(t, author, 'POST', '/api/admin/articles', { headline: 'My story', language: 'en' });
      const myTranslation = await call(t, author, 'POST', '/api/admin/articles', { headline: 'داستان من', language: 'fa', translationOf: mine.body.id });
      assert.equal(myTranslation.status, 201, JSON.stringify(myTranslation.body));
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/articles/${draft.body.id}`, { translationOf: theirs })).status, 200);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] a tag's new address may not remove an editor's redirect`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const author = (await signInAs(t, 'author')).headers;
      const redirect = await call(t, editor, 'POST', '/api/admin/redirects', { fromPath: '/tag/elections', toPath: '/section/politics' });
      assert.equal(redirect.status, 201, JSON.stringify(redirect.body));
      const tag = await call(t, author, 'POST', '/api/admin/tags', { name: 'Votes' });
      const moved = await call(t, author, 'PATCH', `/api/admin/tags/${tag.body.id}`, { slug: 'elections' });
      assert.equal(moved.status, 409, JSON.stringify(moved.body));
      assert.equal(moved.body.error.field, 'slug');
      const redirects = (await call(t, editor, 'GET', '/api/admin/redirects')).body.redirects;
      assert.ok(redirects.some((r: { from_path: string; to_path: string }) => r.from_path === '/tag/elections' && r.to_path === '/section/politics'), JSON.stringify(redirects));
      // The tag's own earlier address is its to take back.
      assert.equal((await call(t, author, 'PATCH', `/api/admin/tags/${tag.body.id}`, { slug: 'ballots' })).status, 200);
      assert.equal((await call(t, author, 'PATCH', `/api/admin/tags/${tag.body.id}`, { slug: 'votes' })).status, 200);
      // Someone who manages redirects may.
      assert.equal((await call(t, editor, 'PATCH', `/api/admin/tags/${tag.body.id}`, { slug: 'elections' })).status, 200);
    } finally {
      await t.close();
    }
  });

  test(`[${dialect}] merging or deleting a tag on other people's articles needs an editor`, async () => {
    const t = await makeTestApp(dialect);
    try {
      const editor = (await signInAs(t, 'editor')).headers;
      const author = (await signInAs(t, 'author')).headers;
      const theirs = await publishedBy(t, editor, { headline: 'Flood warning', tags: ['Floods'] });
      const spam = await call(t, author, 'POST', '/api/admin/tags', { name: 'Buy now' });
      const floods = (await call(t, author, 'GET', '/api/admin/tags')).body.tags.find((x: { name: string }) => x.name === 'Floods');
      const merge = await call(t, author, 'POST', `/api/admin/tags/${floods.id}/merge`, { into: spam.body.id });
      assert.equal(merge.status, 403, JSON.stringify(merge.body));
      assert.equal((await call(t, author, 'DELETE', `/api/admin/tags/${floods.id}`)).status, 403);
      const article = await call(t, editor, 'GET', `/api/admin/articles/${theirs}`);
      assert.deepEqual(article.body.article.tags.map((x: { name: string }) => x.name), ['Floods']);
      // A tag only on the author's own articles is theirs to merge.
      await call(t, author, 'POST', '/api/admin/articles', { headline: 'Mine', tags: ['Rains'] });
      const rains = (await call(t, author, 'GET', '/api/admin/tags')).body.tags.find((x: { name: string }) => x.name === 'Rains');
      assert.equal((await call(t, author, 'POST', `/api/admin/tags/${rains.id}/merge`, { into: floods.id })).status, 200);
      // An editor merges any.
      assert.equal((await call(t, editor, 'POST', `/api/admin/tags/${floods.id}/merge`, { into: spam.body.id })).status, 200);
    } finally {
      await t.close();
    }
  });
}

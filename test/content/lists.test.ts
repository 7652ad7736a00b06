import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { createSection, updateSection, deleteSection, getSectionBySlug, listSections } from '../../src/content/sections.ts';
import { createPerson, updatePerson, deletePerson, getPersonBySlug } from '../../src/content/people.ts';
import { createSource, updateSource, deleteSource } from '../../src/content/sources.ts';
import { createTag, ensureTags, deleteTag, listTags } from '../../src/content/tags.ts';
import { createRedirect, findRedirect, deleteRedirect } from '../../src/content/redirects.ts';
import { createArticle, getArticle } from '../../src/content/articles.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.ts';

const isField = (field: string) => (e: unknown) => e instanceof ValidationError && e.field === field;

for (const dialect of testDialects()) {
  test(`newsroom lists: sections, people, sources, tags, redirects (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const world = await createSection(ctx, { name: 'World News', position: 2 });
      const imm = await createSection(ctx, { name: 'Immigration News', position: 1, description: 'Borders and people' });
      assert.deepEqual((await listSections(ctx.db)).map((s) => s.slug), ['immigration-news', 'world-news']);
      await assert.rejects(createSection(ctx, { name: 'World News' }), ConflictError);
      await assert.rejects(createSection(ctx, { name: 'x', slug: 'Bad Slug' }), isField('slug'));
      await assert.rejects(updateSection(ctx, world, { parentId: world }), isField('parentId'));
      await assert.rejects(updateSection(ctx, 999, { name: 'x' }), NotFoundError);
      await assert.rejects(updateSection(ctx, world, { slug: 'immigration-news' }), ConflictError);
      const articleId = await createArticle(ctx, { headline: 'h', sectionId: imm }, { userId: null });
      await deleteSection(ctx, imm);
      assert.equal((await getArticle(ctx.db, articleId))!.section_id, null, 'articles stay without a section');
      assert.equal(await getSectionBySlug(ctx.db, 'immigration-news'), null);

      const p = await createPerson(ctx, { name: 'Farida Azizi', roleLabel: 'Correspondent', email: 'f@example.org' });
      await assert.rejects(createPerson(ctx, { name: 'x', email: 'not-an-email' }), isField('email'));
      await updatePerson(ctx, p, { bio: 'Covers migration.' });
      assert.equal((await getPersonBySlug(ctx.db, 'farida-azizi'))!.bio, 'Covers migration.');
      await deletePerson(ctx, p);
      await assert.rejects(deletePerson(ctx, p), NotFoundError);

      const s = await createSource(ctx, { name: 'Partner Wire', description: 'Partner Wire is a news agency.', siteUrl: 'https://wire.example' });
      await assert.rejects(updateSource(ctx, s, { siteUrl: 'javascript:alert(1)' }), isField('siteUrl'));
      await deleteSource(ctx, s);

      const tag = await createTag(ctx, { name: 'Elections' });
      assert.deepEqual(await ensureTags(ctx, ['Elections', 'Floods', 'floods']), [tag, tag + 1]);
      await assert.rejects(ensureTags(ctx, ['!!!']), isField('tags'));
      await deleteTag(ctx, tag, { userId: null });
      assert.deepEqual((await listTags(ctx.db)).map((x) => x.name), ['Floods']);

      const r = await createRedirect(ctx, { fromPath: '/old/page', toPath: '/articles/new' });
      assert.deepEqual(await findRedirect(ctx.db, '/old/page'), { to_path: '/articles/new', status_code: 301 });
      await assert.rejects(createRedirect(ctx, { fromPath: '/old/page', toPath: '/x' }), ConflictError);
      await assert.rejects(createRedirect(ctx, { fromPath: '//evil.example', toPath: '/x' }), isField('fromPath'));
      await assert.rejects(createRedirect(ctx, { fromPath: '/a', toPath: 'javascript:alert(1)' }), isField('toPath'));
      await deleteRedirect(ctx, r);
      assert.equal(await findRedirect(ctx.db, '/old/page'), null);
    } finally {
      await t.close();
    }
  });
}

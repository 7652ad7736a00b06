// The same writes on SQLite and PostgreSQL read back identically: ids, timestamps, text, booleans, order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext, type TestDialect } from '../helpers/context.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson } from '../../src/content/people.ts';
import { createArticle, getArticle, publishArticle, addCorrection, listCorrections } from '../../src/content/articles.ts';
import { listRevisions } from '../../src/content/revisions.ts';
import { updateSettings } from '../../src/content/settings.ts';

const TEXTS = ['Plain English', 'کابل؛ «خبر» با نیم‌فاصله', 'پښتو ژبه', 'emoji 📰 and \u{1F1E6}\u{1F1EB}', "quotes ' \" ` and \\ backslash",
  '%_ LIKE metacharacters', "'; DROP TABLE articles; --", 'a'.repeat(5000), ' leading and trailing '];

async function snapshot(dialect: TestDialect) {
  const t = await makeTestContext(dialect);
  try {
    const { ctx } = t;
    await updateSettings(ctx, { name: TEXTS[1], moderateAll: true, commentsCloseAfterDays: 30 });
    const sectionId = await createSection(ctx, { name: 'World News', description: TEXTS[2] });
    const authors = [await createPerson(ctx, { name: 'Zahra Karimi', bio: TEXTS[3] }), await createPerson(ctx, { name: 'Ali Jan', bio: TEXTS[4] })];
    const ids: number[] = [];
    for (const [i, text] of TEXTS.entries()) {
      t.clock.advance(1234);
      const id = await createArticle(ctx, { headline: `${i}: ${text}`.slice(0, 300), standfirst: text.slice(0, 1000), bodyHtml: `<p>${text}</p>`,
        sectionId, authorIds: i % 2 ? authors : [...authors].reverse(), tags: [`tag ${i % 3}`], commentsOpen: i % 2 === 0, language: i % 3 === 1 ? 'fa' : 'en' }, { userId: null });
      if (i % 2) await publishArticle(ctx, id, { userId: null });
      ids.push(id);
    }
    await addCorrection(ctx, ids[0], TEXTS[5]);
    return {
      articles: await Promise.all(ids.map((id) => getArticle(ctx.db, id))),
      revisions: await listRevisions(ctx.db, ids[2]),
      corrections: await listCorrections(ctx.db, ids[0]),
      settings: await ctx.db.selectFrom('settings').selectAll().orderBy('key').execute(),
    };
  } finally {
    await t.close();
  }
}

test('SQLite and PostgreSQL read back the same content', { skip: testDialects().length < 2 && 'TEST_DATABASE_URL not set' }, async () => {
  const [a, b] = await Promise.all([snapshot('sqlite'), snapshot('postgres')]);
  assert.deepEqual(b, a);
  assert.equal(typeof a.articles[0]!.id, 'number');
  assert.equal(a.articles[0]!.comments_open, 1);
  assert.match(a.articles[0]!.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

// Golden outline of the article page: every part in its place (date bar, headline, publisher box, bylines, hero,
// corrections, ads, bio, More articles, rails, comments place). UPDATE_GOLDEN=1 rewrites the file after a deliberate change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { makeTestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { addCorrection } from '../../src/content/articles.ts';
import { outline } from './outline.ts';

const GOLDEN = new URL('./golden/article_en.txt', import.meta.url);

test('the article page keeps its structure', async () => {
  const t = await makeTestApp('sqlite');
  try {
    const n = await buildNewsroom(t.ctx);
    await addCorrection(t.ctx, n.articles.lead, 'An earlier version misspelled a name.');
    const r = await t.app.inject('/articles/border-crossings-script-alert-1-script-rise');
    assert.equal(r.statusCode, 200);
    const got = outline(r.body, ['comments']);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, got);
    assert.equal(got, readFileSync(GOLDEN, 'utf8'));
  } finally {
    await t.close();
  }
});

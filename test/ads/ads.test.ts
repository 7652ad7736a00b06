import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestContext } from '../helpers/context.ts';
import { createSlot, createCreative, pickCreative, runningCreatives, updateCreative } from '../../src/ads/ads.ts';
import { ValidationError } from '../../src/errors.ts';

for (const dialect of testDialects()) {
  test(`ads: only running creatives, rotated by weight (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const slotId = await createSlot(ctx, { key: 'sidebar', name: 'Sidebar' });
      const now = t.clock.now();
      const day = 86400_000;
      const heavy = await createCreative(ctx, { slotId, name: 'Heavy', headline: 'Subscribe', weight: 3 });
      const light = await createCreative(ctx, { slotId, name: 'Light', headline: 'Donate', weight: 1 });
      await createCreative(ctx, { slotId, name: 'Ended', headline: 'Old', endsAt: new Date(now.getTime() - day).toISOString() });
      await createCreative(ctx, { slotId, name: 'Future', headline: 'Soon', startsAt: new Date(now.getTime() + day).toISOString() });
      const off = await createCreative(ctx, { slotId, name: 'Off', headline: 'Off' });
      await updateCreative(ctx, off, { active: false });
      assert.deepEqual((await runningCreatives(ctx.db, 'sidebar', now)).map((c) => c.id), [heavy, light]);
      // weights 3:1 -> the first three quarters of [0,1) pick the heavy creative
      assert.equal((await pickCreative(ctx.db, 'sidebar', now, () => 0.74))!.id, heavy);
      assert.equal((await pickCreative(ctx.db, 'sidebar', now, () => 0.76))!.id, light);
      assert.equal(await pickCreative(ctx.db, 'nowhere', now), null);
      await assert.rejects(createCreative(ctx, { slotId, name: 'x', headline: 'x', linkUrl: 'javascript:alert(1)' }), (e: unknown) => e instanceof ValidationError && e.field === 'linkUrl');
      await assert.rejects(createCreative(ctx, { slotId, name: 'x', headline: 'x', startsAt: '2026-12-02', endsAt: '2026-12-01' }), ValidationError);
      await assert.rejects(createCreative(ctx, { slotId: 999, name: 'x', headline: 'x' }), ValidationError);
    } finally {
      await t.close();
    }
  });
}

for (const dialect of testDialects()) {
  test(`ads: a page shows the house ads of its language, else the language-neutral ones (${dialect})`, async () => {
    const t = await makeTestContext(dialect);
    try {
      const { ctx } = t;
      const now = t.clock.now();
      const inline = await createSlot(ctx, { key: 'article-inline', name: 'In-article' });
      const sidebar = await createSlot(ctx, { key: 'sidebar', name: 'Sidebar' });
      const neutral = await createCreative(ctx, { slotId: inline, name: 'Any', headline: 'Khabar' });
      const english = await createCreative(ctx, { slotId: inline, name: 'English', headline: 'Tip line', language: 'en' });
      const dari = await createCreative(ctx, { slotId: inline, name: 'Dari', headline: 'خبرنامهٔ صبح', language: 'fa' });
      const onlyEnglish = await createCreative(ctx, { slotId: sidebar, name: 'Podcast', headline: 'Listen', language: 'en' });
      const ids = async (slot: string, lang?: string) => (await runningCreatives(ctx.db, slot, now, lang)).map((c) => c.id);
      assert.deepEqual(await ids('article-inline', 'fa'), [dari]);
      assert.deepEqual(await ids('article-inline', 'en'), [english]);
      assert.deepEqual(await ids('article-inline', 'ps'), [neutral], 'no Pashto house ad: the language-neutral one');
      assert.deepEqual(await ids('article-inline'), [neutral, english, dari], 'without a language: every running one');
      assert.deepEqual(await ids('sidebar', 'fa'), [], 'another language\'s house ad never stands in');
      assert.equal((await pickCreative(ctx.db, 'article-inline', now, () => 0.99, 'fa'))!.id, dari);
      assert.equal(await pickCreative(ctx.db, 'sidebar', now, () => 0.5, 'ps'), null);
      // Turned neutral, the English one shows on Pashto pages too; a paused Dari one hands Dari pages to the neutral ones.
      await updateCreative(ctx, onlyEnglish, { language: null });
      assert.deepEqual(await ids('sidebar', 'ps'), [onlyEnglish]);
      await updateCreative(ctx, dari, { active: false });
      assert.deepEqual(await ids('article-inline', 'fa'), [neutral]);
      await assert.rejects(createCreative(ctx, { slotId: inline, name: 'x', headline: 'x', language: 'xx' }), (e: unknown) => e instanceof ValidationError && e.field === 'language');
    } finally {
      await t.close();
    }
  });
}

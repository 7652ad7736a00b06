// Languages, calendars and time zones on the public pages: a Dari story reads right to left, a Solar Hijri site dates
// its pages in Afghan months, date archives follow the site's time zone, "More articles" ranks shared tags first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, makeTestApp } from '../helpers/context.ts';
import { buildNewsroom } from '../helpers/newsroom.ts';
import { createArticle, publishArticle } from '../../src/content/articles.ts';
import { updateSettings } from '../../src/content/settings.ts';

const actor = { userId: null };

for (const dialect of testDialects()) {
  test(`languages, calendars and time zones (${dialect})`, async (s) => {
    const t = await makeTestApp(dialect);
    try {
      const n = await buildNewsroom(t.ctx);
      const get = (url: string) => t.app.inject(url);
      // 21:00 UTC on 30 November is 01:30 on 1 December in Kabul.
      const late = await createArticle(t.ctx, { headline: 'Night session ends', sectionId: n.sections.politics, bodyHtml: '<p>Late.</p>', tags: ['Borders', 'Health'] }, actor);
      await publishArticle(t.ctx, late, actor, new Date('2026-11-30T21:00:00Z'));
      const dari = await createArticle(t.ctx, { headline: 'بازگشت مهاجران از مرز', standfirst: 'خانواده‌ها در مرز منتظرند.', language: 'fa', sectionId: n.sections.immigration, authorIds: [n.people.mina], bodyHtml: '<p>متن خبر.</p>' }, actor);
      await publishArticle(t.ctx, dari, actor, new Date('2026-11-20T08:00:00Z'));

      await s.test('a Dari story reads right to left, dated in Solar Hijri in Dari digits by default', async () => {
        const r = await get('/articles/' + encodeURIComponent('بازگشت-مهاجران-از-مرز'));
        assert.equal(r.statusCode, 200);
        assert.match(r.body, /^<!doctype html><html lang="fa" dir="rtl">/);
        assert.match(r.body, /<h1>بازگشت مهاجران از مرز<\/h1>/);
        assert.match(r.body, /<time datetime="2026-11-20T08:00:00.000Z">۲۹ عقرب ۱۴۰۵ ساعت ۱۲:۳۰<\/time>/, 'Solar Hijri in Dari: Afghan month name, Persian digits');
        const list = await get('/section/immigration-news');
        assert.match(list.body, /<article class="story-card story-card" lang="fa" dir="rtl">/, 'a Dari card on an English page says so');
        assert.match((await get('/')).body, /<html lang="en" dir="ltr">/);
      });

      await s.test('each language has its calendar: Solar Hijri English in Afghan months, Gregorian Dari', async () => {
        await updateSettings(t.ctx, { calendars: { en: { calendar: 'solar-hijri', secondDate: false } } });
        const home = await get('/');
        assert.match(home.body, /<time datetime="2026-11-25">Wednesday, 4 Qaws 1405 AP<\/time>/);
        const dariPage = await get('/articles/' + encodeURIComponent('بازگشت-مهاجران-از-مرز'));
        assert.match(dariPage.body, /<time datetime="2026-11-20T08:00:00.000Z">۲۹ عقرب ۱۴۰۵ ساعت ۱۲:۳۰<\/time>/);
        // A site writing Iran's Persian names the same month Aban, in the page's date and the date bar alike.
        await updateSettings(t.ctx, { calendars: { fa: { calendar: 'gregorian', secondDate: false } } });
        const gregorianDari = await get('/articles/' + encodeURIComponent('بازگشت-مهاجران-از-مرز'));
        assert.match(gregorianDari.body, /<time datetime="2026-11-20T08:00:00.000Z">۲۰ نومبر ۲۰۲۶ ساعت ۱۲:۳۰<\/time>/, 'Gregorian in Dari: Afghan month name, Persian digits');
        await updateSettings(t.ctx, { calendars: { fa: { calendar: 'solar-hijri', secondDate: false } } });
        await updateSettings(t.ctx, { persianLocale: 'fa-IR' });
        const iranian = await get('/articles/' + encodeURIComponent('بازگشت-مهاجران-از-مرز'));
        assert.match(iranian.body, /<time datetime="2026-11-20T08:00:00.000Z">۲۹ آبان ۱۴۰۵ ساعت ۱۲:۳۰<\/time>/);
        assert.match((await get('/')).body, /<time datetime="2026-11-25">Wednesday, 4 Azar 1405 AP<\/time>/);
        await updateSettings(t.ctx, { calendars: { en: { calendar: 'gregorian', secondDate: false } }, persianLocale: 'fa-AF' });
      });

      await s.test('date archives follow the site time zone and list their months', async () => {
        const dec = await get('/2026/12/');
        assert.equal(dec.statusCode, 200);
        assert.match(dec.body, /<h1>Archive: December 2026<\/h1>/);
        assert.match(dec.body, /Night session ends/);
        assert.match(dec.body, /1 article</);
        assert.doesNotMatch((await get('/2026/11/')).body, /Night session ends/);
        const year = await get('/2026/');
        assert.match(year.body, /<nav class="archive-months" aria-label="Months"><ul><li><a href="\/2026\/11\/">November 2026<\/a> \(\d+\)<\/li><li><a href="\/2026\/12\/">December 2026<\/a> \(1\)<\/li><\/ul><\/nav>/);
      });

      await s.test('More articles: shared tags first, never the article itself', async () => {
        const r = await get('/articles/border-crossings-script-alert-1-script-rise');
        const more = r.body.slice(r.body.indexOf('more-heading'), r.body.indexOf('id="comments"'));
        const headlines = [...more.matchAll(/<h3 class="card-headline"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
        assert.equal(headlines[0], 'Night session ends', 'two shared tags outrank the same section');
        assert.ok(headlines.includes('Clinic opens in Herat'));
        assert.ok(!headlines.some((h) => h.startsWith('Border crossings')));
      });
    } finally {
      await t.close();
    }
  });
}

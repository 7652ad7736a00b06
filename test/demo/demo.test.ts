import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../helpers/context.ts';
import { makeDemoContext, DEMO_IMAGE_POOL } from '../helpers/demo.ts';
import { isEmpty, seedDemo } from '../../src/demo/seed.ts';
import { SECTIONS } from '../../src/demo/sections.ts';
import { composeBody, wordsOf, MIN_WORDS, MAX_WORDS } from '../../src/demo/compose.ts';
import { listSections } from '../../src/content/sections.ts';
import { listPeople } from '../../src/content/people.ts';
import { getSettings } from '../../src/content/settings.ts';
import { listCorrections } from '../../src/content/articles.ts';
import { getMedia, type Variant } from '../../src/media/images.ts';
import { variantFile } from '../../src/media/variants.ts';
import { pickCreative, runningCreatives } from '../../src/ads/ads.ts';
import { PER_PAGE } from '../../src/site/paging.ts';
import { localStories } from '../../src/demo/seed_local.ts';
import { LOCAL_CONTEXT, LOCAL_PEOPLE } from '../../src/demo/newsroom_local.ts';
import { publishedTranslations } from '../../src/content/translations.ts';

/** Letters of the Arabic script (Dari and Pashto), and of the Latin one. */
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Shortest and longest a Dari or Pashto story may be: several paragraphs of its own, no background drawn. */
const LOCAL_WORDS = [200, 600] as const;

const DAY = 86_400_000;

test('demo stories: every one composes to 600-1,500 words, deterministically, and no two read the same', () => {
  const bodies: string[] = [];
  let seed = 0;
  for (const s of SECTIONS) {
    const drawn: Set<string>[] = [];
    const again: Set<string>[] = [];
    for (const a of s.articles) {
      const body = composeBody(a, s.context, ++seed, drawn);
      assert.equal(body, composeBody(a, s.context, seed, again), 'same seed, same body');
      const n = wordsOf(body);
      assert.ok(n >= MIN_WORDS && n <= MAX_WORDS, `${a.headline}: ${n} words`);
      assert.match(body, /<h2>/);
      assert.match(body, /<blockquote>/);
      assert.ok(a.tags.length >= 2 && a.tags.length <= 4, `${a.headline}: 2-4 tags`);
      const own = wordsOf(a.paras.map((text) => `<p>${text}</p>`).join(''));
      assert.ok(own / n >= 0.45, `${a.headline}: its own reporting is ${own} of ${n} words`);
      bodies.push(body);
    }
  }
  const paragraphs = bodies.map((b) => new Set(b.match(/<p>[^<]{80,}<\/p>/g) ?? []));
  for (let i = 0; i < paragraphs.length; i++) {
    for (let j = i + 1; j < paragraphs.length; j++) {
      const shared = [...paragraphs[i]].filter((p) => paragraphs[j].has(p)).length;
      assert.ok(shared / Math.min(paragraphs[i].size, paragraphs[j].size) <= 0.3, `stories ${i} and ${j} share ${shared} paragraphs`);
    }
  }
});

test('Dari and Pashto demo stories: several paragraphs of their own, in their script, deterministically', () => {
  const stories = localStories();
  const earlier = { fa: [] as Set<string>[], ps: [] as Set<string>[] };
  const again = { fa: [] as Set<string>[], ps: [] as Set<string>[] };
  const staff = new Set([...LOCAL_PEOPLE.map((p) => p.key), 'laila', 'sami', 'nadia', 'tariq']);
  for (const [k, { language, story }] of stories.entries()) {
    const body = composeBody(story, LOCAL_CONTEXT[language], 1000 + k, earlier[language]);
    assert.equal(body, composeBody(story, LOCAL_CONTEXT[language], 1000 + k, again[language]), 'same seed, same body');
    const n = wordsOf(body);
    assert.ok(n >= LOCAL_WORDS[0] && n <= LOCAL_WORDS[1], `${story.headline}: ${n} words`);
    assert.ok(story.paras.length >= 5, `${story.headline}: several paragraphs`);
    assert.match(body, /<h2>/);
    assert.match(body, /<blockquote>/);
    for (const text of [story.headline, story.standfirst, ...story.paras, ...story.tags, ...story.quote]) {
      assert.match(text, ARABIC_SCRIPT);
      assert.doesNotMatch(text, LATIN, `${story.headline}: written in its own script`);
    }
    assert.ok(story.tags.length >= 2 && story.tags.length <= 4, `${story.headline}: 2-4 tags`);
    for (const key of story.authors) assert.ok(staff.has(key), `${story.headline}: ${key} is on staff`);
  }
  const originals = (lang: string) => stories.filter((p) => p.language === lang && !p.story.translates).length;
  const translations = (lang: string) => stories.filter((p) => p.language === lang && p.story.translates).length;
  assert.ok(originals('fa') >= 12 && originals('ps') >= 8, `${originals('fa')} Dari and ${originals('ps')} Pashto originals`);
  assert.ok(translations('fa') >= 3 && translations('ps') >= 2, `${translations('fa')} Dari and ${translations('ps')} Pashto translations`);
  const english = new Set(SECTIONS.flatMap((s) => s.articles.filter((a) => !a.fate).map((a) => a.headline)));
  for (const p of stories) if (p.story.translates) assert.ok(english.has(p.story.translates), `${p.story.translates}: a published English story`);
  for (const p of LOCAL_PEOPLE) assert.match(p.name, ARABIC_SCRIPT);
});

for (const dialect of testDialects()) {
  // The run's one demo newsroom (test/helpers/demo.ts seeds it into an empty database, as `khabar serve` does),
  // read at the time it was seeded.
  test(`demo newsroom: seeds an empty database once, with everything a real newsroom shows (${dialect})`, async () => {
    const t = await makeDemoContext(dialect);
    try {
      const { ctx } = t;
      const now = ctx.clock.now();
      const result = { articles: t.articles };
      assert.ok(result.articles >= 40, `published ${result.articles}`);
      assert.equal(await isEmpty(ctx.db), false);

      const settings = await getSettings(ctx.db);
      assert.equal(settings.name, 'Khabar Daily');
      assert.equal(settings.timeZone, 'Asia/Kabul');
      assert.match(settings.description, /^Khabar Daily is a Kabul-based independent news organization established in 2010\.$/);
      assert.ok(settings.logoMediaId && (await getMedia(ctx.db, settings.logoMediaId)));
      assert.ok(settings.social.length >= 2);

      const sections = await listSections(ctx.db);
      assert.ok(sections.length >= 6);
      for (const slug of ['immigration-news', 'world-news', ...SECTIONS.map((s) => s.slug)]) assert.ok(sections.some((s) => s.slug === slug), slug);

      const articles = await ctx.db.selectFrom('articles').selectAll().execute();
      const published = articles.filter((a) => a.status === 'published');
      assert.equal(published.length, result.articles);
      for (const a of published) {
        const [least, most] = a.language === 'en' ? [MIN_WORDS, MAX_WORDS] : LOCAL_WORDS;
        assert.ok(a.word_count >= least && a.word_count <= most, `${a.slug}: ${a.word_count} words`);
        assert.ok(a.published_at! < now.toISOString(), 'published in the past');
        assert.ok(a.section_id && a.hero_media_id && a.hero_alt && a.hero_caption && a.hero_credit, `${a.slug}: section and hero`);
        assert.ok(a.created_at <= a.published_at!, 'written before it was published');
      }
      const times = published.map((a) => Date.parse(a.published_at!)).sort((x, y) => y - x);
      assert.ok(now.getTime() - times[0] < DAY, 'the newest story is from today');
      assert.ok(now.getTime() - times.at(-1)! > 120 * DAY, 'stories go back months');
      assert.ok(new Set(published.map((a) => a.published_at!.slice(0, 7))).size >= 5, 'several monthly archives');
      assert.equal(new Set(published.map((a) => a.body_html)).size, published.length, 'no two bodies alike');
      for (const s of sections) assert.ok(published.some((a) => a.section_id === s.id), `${s.slug} has stories`);
      const perSection = sections.map((s) => published.filter((a) => a.section_id === s.id).length);
      assert.ok(Math.max(...perSection) > PER_PAGE, 'a section runs to a second page');

      // The Dari and Pashto desks: their own stories and bylines, translations linked to English stories, the site's
      // name, line and sections in each language, and house ads of their own.
      const inLanguage = (lang: string) => published.filter((a) => a.language === lang);
      assert.ok(inLanguage('fa').length >= 15 && inLanguage('ps').length >= 10, `${inLanguage('fa').length} Dari, ${inLanguage('ps').length} Pashto`);
      for (const lang of ['fa', 'ps']) {
        const linked = inLanguage(lang).filter((a) => a.translation_group);
        assert.ok(linked.length >= (lang === 'fa' ? 3 : 2), `${lang}: translations linked`);
        for (const a of linked) {
          const others = await publishedTranslations(ctx.db, a);
          assert.deepEqual(others.map((o) => o.language), ['en'], `${a.slug}: translates an English story`);
          assert.ok(others[0].id === a.translation_group);
        }
        const stories = inLanguage(lang).filter((a) => !a.translation_group);
        assert.ok(stories.length >= (lang === 'fa' ? 12 : 8), `${lang}: originals`);
        assert.ok(now.getTime() - Math.max(...stories.map((a) => Date.parse(a.published_at!))) < DAY, `${lang}: a story from today`);
        assert.match(settings.localized[lang]?.name ?? '', ARABIC_SCRIPT);
        assert.match(settings.localized[lang]?.description ?? '', ARABIC_SCRIPT);
        for (const s of sections) assert.match(settings.localized[lang]?.sections?.[s.slug] ?? '', ARABIC_SCRIPT, `${lang}: ${s.slug}`);
        for (const slot of ['article-inline', 'sidebar']) {
          const own = await runningCreatives(ctx.db, slot, now, lang);
          assert.ok(own.length >= 1 && own.every((c) => c.language === lang && ARABIC_SCRIPT.test(c.headline)), `${lang}: ${slot} house ad`);
        }
      }
      assert.deepEqual(settings.languages, ['fa', 'ps']);
      const writers = await ctx.db.selectFrom('article_authors').innerJoin('articles', 'articles.id', 'article_authors.article_id')
        .innerJoin('people', 'people.id', 'article_authors.person_id').select(['people.name', 'articles.language', 'articles.translation_group']).execute();
      for (const w of writers.filter((r) => r.language !== 'en' && !r.translation_group)) assert.match(w.name, ARABIC_SCRIPT, 'a Dari or Pashto byline in its script');

      const byStatus = (s: string) => articles.filter((a) => a.status === s);
      assert.equal(byStatus('archived').length, 1);
      assert.equal(byStatus('draft').length, 2);
      assert.equal(byStatus('scheduled').length, 1);
      assert.ok(byStatus('scheduled')[0].scheduled_at! > now.toISOString());

      const tagRows = await ctx.db.selectFrom('article_tags').select(['article_id', 'tag_id']).execute();
      for (const a of articles) {
        const n = tagRows.filter((r) => r.article_id === a.id).length;
        assert.ok(n >= 2 && n <= 4, `${a.slug}: ${n} tags`);
      }
      const perTag = new Map<number, number>();
      for (const r of tagRows) perTag.set(r.tag_id, (perTag.get(r.tag_id) ?? 0) + 1);
      assert.ok([...perTag.values()].filter((n) => n >= 3).length >= 5, 'tags are shared across stories');

      const people = await listPeople(ctx.db);
      assert.ok(people.length >= 5);
      for (const p of people) {
        assert.ok(p.bio.length > 80 && p.role_label, `${p.name}: bio and role`);
        const photo = await getMedia(ctx.db, p.photo_media_id!);
        assert.ok(photo?.alt.includes(p.name), `${p.name}: photo with alt text`);
      }
      const bylines = await ctx.db.selectFrom('article_authors').select('person_id').distinct().execute();
      assert.ok(bylines.length >= 5 && bylines.length === people.length, 'everyone on staff has a byline');

      const sourced = published.filter((a) => a.source_id && a.source_url);
      assert.ok(new Set(sourced.map((a) => a.source_id)).size >= 2, 'two partners supply published stories');
      for (const a of sourced) assert.doesNotMatch(a.body_html, /Khabar Daily/, `${a.slug}: a partner's story speaks in its own voice`);
      const sources = await ctx.db.selectFrom('sources').selectAll().execute();
      for (const s of sources) {
        assert.match(s.description, /^.+ is a .+-based independent news organization established in \d{4}\.$/);
        assert.ok(s.logo_media_id && (await getMedia(ctx.db, s.logo_media_id)), `${s.name}: logo`);
      }

      const running = [...(await runningCreatives(ctx.db, 'article-inline', now)), ...(await runningCreatives(ctx.db, 'sidebar', now))];
      assert.ok(running.length >= 3, `${running.length} creatives running`);
      assert.ok(await pickCreative(ctx.db, 'sidebar', now, () => 0.5));
      const all = await ctx.db.selectFrom('ad_creatives').selectAll().execute();
      assert.ok(all.some((c) => c.starts_at && c.ends_at && c.ends_at > now.toISOString()), 'a dated campaign runs now');
      assert.ok(all.some((c) => c.ends_at && c.ends_at < now.toISOString()), 'an ended campaign does not run');
      assert.ok(!running.some((c) => c.ends_at && c.ends_at < now.toISOString()));

      const corrected = await Promise.all(published.map((a) => listCorrections(ctx.db, a.id)));
      assert.ok(corrected.filter((c) => c.length).length >= 1, 'a correction');
      const oldSlugs = await ctx.db.selectFrom('article_slugs').selectAll().execute();
      assert.ok(oldSlugs.length >= 1);
      const renamed = published.find((a) => a.id === oldSlugs[0].article_id);
      assert.ok(renamed && renamed.slug !== oldSlugs[0].slug, 'the renamed story keeps its old slug');

      const heroIds = [...new Set(published.map((a) => a.hero_media_id!))];
      assert.equal(heroIds.length, DEMO_IMAGE_POOL, 'the hero pool is shared');
      for (const id of heroIds) {
        const m = (await getMedia(ctx.db, id))!;
        assert.equal(m.width, 1600);
        assert.ok(m.alt && m.credit, 'hero alt text and credit');
        const variants = JSON.parse(m.variants) as Variant[];
        assert.deepEqual([...new Set(variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
        assert.ok(variants.length >= 6);
        assert.ok(await variantFile(ctx.media, variants[0].key), 'variant made from the kept picture');
      }

      // Run again: nothing is added or changed.
      const count = articles.length;
      const media = (await ctx.db.selectFrom('media').select('id').execute()).length;
      assert.deepEqual(await seedDemo(ctx, { imagePool: DEMO_IMAGE_POOL }), { articles: 0 });
      assert.equal((await ctx.db.selectFrom('articles').select('id').execute()).length, count);
      assert.equal((await ctx.db.selectFrom('media').select('id').execute()).length, media);
      assert.equal((await listPeople(ctx.db)).length, people.length);
    } finally {
      await t.close();
    }
  });
}

// The demo newsroom: on an empty database, Khabar Daily's settings, sections, reporters, partners, house ads and
// six months of published stories (plus drafts, a scheduled story, a correction, a changed slug and an archived
// piece) in English, with its Dari and Pashto desks' stories and translations, all deterministic and drawn locally.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { updateSettings } from '../content/settings.ts';
import { countArticles } from '../content/article_brief.ts';
import { createPerson } from '../content/people.ts';
import { createSource } from '../content/sources.ts';
import { createSection } from '../content/sections.ts';
import { addCorrection, archiveArticle, createArticle, publishArticle, scheduleArticle, updateArticle, type Actor } from '../content/articles.ts';
import { slugify } from '../content/sanitize.ts';
import { createCreative, createSlot } from '../ads/ads.ts';
import { composeBody } from './compose.ts';
import { makeHero, makeLogo, makePortrait, type HeroImage } from './images.ts';
import { CREATIVES, PEOPLE, SITE, SLOTS, SOURCES } from './newsroom.ts';
import { seedNewsletterLists } from './newsletters.ts';
import { LOCAL_CREATIVES, LOCAL_PEOPLE, PORTRAIT_ALT, type LocalPerson } from './newsroom_local.ts';
import { localStories, seedLocalStories } from './seed_local.ts';
import { DAY, HOUR, at, publicationTimes } from './timeline.ts';
import { SECTIONS } from './sections.ts';
import type { DemoArticle, DemoSection } from './types.ts';

const DESK: Actor = { userId: null };
/** Hero illustrations drawn for the demo, shared among its stories. */
const HERO_POOL = 12;

/** True when the database holds no articles at all. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await countArticles(db)) === 0;
}

interface Placed {
  section: DemoSection;
  sectionId: number;
  sectionIndex: number;
  story: DemoArticle;
  nth: number;
}

/** Stories round-robin across sections, so every section has something recent. */
function interleave(sections: { section: DemoSection; sectionId: number }[]): Placed[] {
  const out: Placed[] = [];
  const longest = Math.max(...sections.map((s) => s.section.articles.length));
  for (let nth = 0; nth < longest; nth++) {
    sections.forEach((s, sectionIndex) => {
      const story = s.section.articles[nth];
      if (story) out.push({ ...s, sectionIndex, story, nth });
    });
  }
  return out;
}

export interface SeedOptions {
  /** how many hero illustrations to draw (tests draw fewer) */
  imagePool?: number;
  /** told what the seeding is doing, with counts, as it goes */
  progress?: (line: string) => void;
}

/**
 * Fills an empty database with the demo newsroom and returns how many stories were published.
 * Does nothing (returns { articles: 0 }) when the database already has articles.
 */
export async function seedDemo(ctx: AppContext, opts: SeedOptions = {}): Promise<{ articles: number }> {
  if (!(await isEmpty(ctx.db))) return { articles: 0 };
  const now = ctx.clock.now();
  const pool = Math.max(1, Math.min(opts.imagePool ?? HERO_POOL, HERO_POOL));
  const tell = (line: string) => opts.progress?.(`Demo newsroom: ${line}`);
  const staff = [...PEOPLE, ...LOCAL_PEOPLE];
  const creatives = [...CREATIVES, ...LOCAL_CREATIVES];
  const pictures = 1 + staff.length + SOURCES.length + pool;
  let drawnPictures = 0;
  const picture = <T>(made: T): T => {
    drawnPictures++;
    if (drawnPictures === pictures || drawnPictures % 6 === 0) tell(`pictures ${drawnPictures}/${pictures}`);
    return made;
  };
  const local = localStories().length;
  tell(`${SECTIONS.length} sections, ${staff.length} people, ${SOURCES.length} partners, ${creatives.length} house ads, ${pictures} pictures, ${SECTIONS.reduce((n, s) => n + s.articles.length, 0)} stories in English and ${local} in Dari and Pashto to write`);

  const logo = picture(await makeLogo(ctx, 'Khabar Daily', ['#14213d', '#e9a23b']));
  // The newsroom's own pages among the links (and their labels in each language, keyed by address) get the site's origin.
  const own = (url: string) => (url.startsWith('/') ? `${ctx.config.publicUrl}${url}` : url);
  const localized = Object.fromEntries(Object.entries(SITE.localized ?? {}).map(([lang, l]) =>
    [lang, { ...l, social: l.social && Object.fromEntries(Object.entries(l.social).map(([url, label]) => [own(url), label])) }]));
  await updateSettings(ctx, { ...SITE, social: SITE.social?.map((l) => ({ ...l, url: own(l.url) })), localized, logoMediaId: logo.id });
  await seedNewsletterLists(ctx);

  const people = new Map<string, number>();
  for (const [i, person] of staff.entries()) {
    const language = (person as Partial<LocalPerson>).language;
    const photo = picture(await makePortrait(ctx, person.name, i, language ? PORTRAIT_ALT[language](person.name) : undefined));
    people.set(person.key, await createPerson(ctx, { name: person.name, ...(person.names ? { names: person.names } : {}), bio: person.bio, roleLabel: person.role, photoMediaId: photo.id }));
  }

  const sources = new Map<string, { id: number; siteUrl: string }>();
  for (const s of SOURCES) {
    const logoRow = picture(await makeLogo(ctx, s.name, s.colors));
    sources.set(s.key, { id: await createSource(ctx, { name: s.name, description: s.description, siteUrl: s.siteUrl, logoMediaId: logoRow.id }), siteUrl: s.siteUrl });
  }

  const slots = new Map<string, number>();
  for (const s of SLOTS) slots.set(s.key, await createSlot(ctx, s));
  for (const c of creatives) {
    const dates = 'days' in c && c.days ? { startsAt: new Date(now.getTime() + c.days[0] * DAY).toISOString(), endsAt: new Date(now.getTime() + c.days[1] * DAY).toISOString() } : {};
    await createCreative(ctx, { slotId: slots.get(c.slot)!, name: c.name, headline: c.headline, body: c.body, linkUrl: c.linkUrl, weight: c.weight, language: c.language, ...dates });
  }

  const sections: { section: DemoSection; sectionId: number }[] = [];
  for (const [position, section] of SECTIONS.entries()) {
    sections.push({ section, sectionId: await createSection(ctx, { name: section.name, slug: section.slug, description: section.description, position }) });
  }

  const heroes: HeroImage[] = [];
  for (let i = 0; i < pool; i++) heroes.push(picture(await makeHero(ctx, i)));

  const all = interleave(sections);
  // Drafts and the scheduled story stay unpublished; the scheduled one is due the day after tomorrow.
  const unpublished = all.filter((item) => item.story.fate === 'draft' || item.story.fate === 'scheduled');
  const placed = all.filter((item) => !unpublished.includes(item));
  const times = publicationTimes(now, placed.length);
  const published: { id: number; when: Date; placed: Placed }[] = [];
  const drawn = new Map<string, Set<string>[]>(SECTIONS.map((s) => [s.slug, []]));

  const write = async (item: Placed, index: number, when: Date): Promise<number> => {
    const hero = heroes[(item.sectionIndex * 5 + item.nth * 7) % heroes.length];
    const source = item.story.source ? sources.get(item.story.source) : undefined;
    return createArticle(at(ctx, new Date(when.getTime() - 2 * HOUR)), {
      headline: item.story.headline,
      standfirst: item.story.standfirst,
      bodyHtml: composeBody(item.story, item.section.context, index + 1, drawn.get(item.section.slug)),
      sectionId: item.sectionId,
      tags: item.story.tags,
      authorIds: item.story.authors.map((k) => people.get(k)!),
      heroMediaId: hero.media.id,
      heroAlt: hero.alt,
      heroCaption: `An illustration for Khabar Daily's ${item.section.name} coverage.`,
      heroCredit: 'Illustration: Khabar Daily',
      sourceId: source?.id ?? null,
      sourceUrl: source ? `${source.siteUrl}stories/${slugify(item.story.headline)}` : null,
    }, DESK);
  };

  const stories = (done: number) => {
    if (done === all.length || done % 20 === 0) tell(`stories ${done}/${all.length}`);
  };
  for (const [k, item] of placed.entries()) {
    const when = times[k];
    const id = await write(item, k, when);
    await publishArticle(at(ctx, when), id, DESK, when);
    published.push({ id, when, placed: item });
    stories(published.length);
  }
  for (const [k, item] of unpublished.entries()) {
    const id = await write(item, placed.length + k, new Date(now.getTime() - (k + 1) * HOUR));
    if (item.story.fate === 'scheduled') await scheduleArticle(ctx, id, new Date(now.getTime() + 2 * DAY), DESK);
    stories(placed.length + k + 1);
  }

  // A day after publication: corrections on two stories, and a sharper address for another.
  const later = (when: Date) => at(ctx, new Date(Math.min(when.getTime() + 20 * HOUR, now.getTime() - HOUR)));
  const live = published.filter((p) => p.placed.story.fate !== 'archived');
  const corrected = [live[2], live[9]];
  await addCorrection(later(corrected[0].when), corrected[0].id,
    'An earlier version of this story gave the wrong day for the meeting. It took place on Tuesday, not Monday.');
  await addCorrection(later(corrected[1].when), corrected[1].id,
    'An earlier version of this story misspelled the name of a district official. It has been corrected.');
  const renamed = live[5];
  await updateArticle(later(renamed.when), renamed.id, { slug: slugify(renamed.placed.story.headline).split('-').slice(0, 6).join('-') }, DESK);
  // A withdrawn story: its page answers 410 Gone.
  for (const withdrawn of published.filter((p) => p.placed.story.fate === 'archived')) {
    await archiveArticle(later(withdrawn.when), withdrawn.id, DESK);
  }

  // The Dari and Pashto desks, last: their translations link to the English stories published above.
  const english = new Map(live.map((p) => [p.placed.story.headline, { id: p.id, when: p.when }]));
  const sectionIds = new Map(sections.map((s) => [s.section.slug, s.sectionId]));
  const localPublished = await seedLocalStories(ctx, { people, sections: sectionIds, heroes, english }, (done, of) => {
    if (done === of || done % 10 === 0) tell(`Dari and Pashto stories ${done}/${of}`);
  });

  return { articles: live.length + localPublished };
}

// A small newsroom for site tests: sections, people, a source, tags, images, ads and articles in every state.
import sharp from 'sharp';
import type { AppContext } from '../../src/context.ts';
import { updateSettings } from '../../src/content/settings.ts';
import { createSection } from '../../src/content/sections.ts';
import { createPerson } from '../../src/content/people.ts';
import { createSource } from '../../src/content/sources.ts';
import { createArticle, publishArticle, updateArticle, archiveArticle, addCorrection, scheduleArticle } from '../../src/content/articles.ts';
import { ingestImage } from '../../src/media/images.ts';
import { createSlot, createCreative } from '../../src/ads/ads.ts';

const actor = { userId: null };

async function image(ctx: AppContext, color: string, w = 1200, h = 675, alt = 'An illustration') {
  const bytes = await sharp({ create: { width: w, height: h, channels: 3, background: color } }).jpeg().toBuffer();
  return (await ingestImage(ctx, bytes, { alt, caption: 'A caption', credit: 'Illustration: Desk' })).id;
}

function body(n: number, words: string): string {
  return Array.from({ length: n }, (_, i) => `<p>${words} paragraph ${i + 1}.</p>`).join('');
}

export interface Newsroom {
  sections: { immigration: number; world: number; politics: number };
  people: { mina: number; omar: number };
  sourceId: number;
  articles: { lead: number; syndicated: number; corrected: number; renamed: number; archived: number; draft: number; scheduled: number; list: number[] };
}

/** Builds the newsroom; `extra` more published politics stories fill pagination. */
export async function buildNewsroom(ctx: AppContext, extra = 0): Promise<Newsroom> {
  const clock = ctx.clock as { advance?: (ms: number) => void };
  const tick = () => clock.advance?.(60_000);
  await updateSettings(ctx, { name: 'Test Daily', description: 'Test Daily is a Kabul-based independent news organization established in 2010.', timeZone: 'Asia/Kabul', social: [{ label: 'Mastodon', url: 'https://social.example/@test' }] });
  const immigration = await createSection(ctx, { name: 'Immigration News', position: 1, description: 'People on the move.' });
  const world = await createSection(ctx, { name: 'World News', position: 2 });
  const politics = await createSection(ctx, { name: 'Politics', position: 3 });
  const mina = await createPerson(ctx, { name: 'Mina Rahimi', roleLabel: 'Correspondent', bio: 'Mina covers migration.', photoMediaId: await image(ctx, '#884422', 400, 400, 'Mina Rahimi') });
  const omar = await createPerson(ctx, { name: 'Omar <Noori>', bio: 'Omar writes about <b>politics</b>.' });
  const sourceId = await createSource(ctx, { name: 'Partner Wire', description: 'Partner Wire is a Doha-based news agency established in 1999.', siteUrl: 'https://wire.example', logoMediaId: await image(ctx, '#224488', 200, 200, 'Partner Wire logo') });
  const hero = await image(ctx, '#336699');
  const slot = await createSlot(ctx, { key: 'article-inline', name: 'In article' });
  const side = await createSlot(ctx, { key: 'sidebar', name: 'Sidebar' });
  await createCreative(ctx, { slotId: slot, name: 'Subscribe', headline: 'Support independent news', body: 'Become a member', linkUrl: '/' });
  await createCreative(ctx, { slotId: side, name: 'Newsletter', headline: 'Our morning newsletter', linkUrl: 'https://news.example/newsletter' });

  const publish = async (input: Parameters<typeof createArticle>[1]) => {
    tick();
    const id = await createArticle(ctx, input, actor);
    await publishArticle(ctx, id, actor);
    return id;
  };
  const list: number[] = [];
  for (let i = 0; i < extra; i++) list.push(await publish({ headline: `Politics story ${i + 1}`, sectionId: politics, authorIds: [omar], bodyHtml: body(3, 'Politics'), tags: ['Parliament'] }));
  const syndicated = await publish({ headline: 'Talks resume abroad', sectionId: world, sourceId, sourceUrl: 'https://wire.example/talks', bodyHtml: body(4, 'World'), tags: ['Diplomacy'] });
  const corrected = await publish({ headline: 'Clinic opens in Herat', sectionId: immigration, authorIds: [mina], bodyHtml: body(5, 'Clinic'), tags: ['Health'] });
  await addCorrection(ctx, corrected, 'An earlier version gave the wrong opening date.');
  const renamed = await publish({ headline: 'Old headline', slug: 'old-slug', sectionId: immigration, authorIds: [mina], bodyHtml: body(2, 'Renamed') });
  await updateArticle(ctx, renamed, { slug: 'new-slug', headline: 'New headline' }, actor);
  const archived = await publish({ headline: 'Archived story', sectionId: politics, bodyHtml: body(2, 'Archived') });
  await archiveArticle(ctx, archived, actor);
  const draft = await createArticle(ctx, { headline: 'Draft story', sectionId: politics }, actor);
  const scheduled = await createArticle(ctx, { headline: 'Scheduled story', sectionId: politics }, actor);
  await scheduleArticle(ctx, scheduled, new Date(ctx.clock.now().getTime() + 86400_000), actor);
  const lead = await publish({
    headline: 'Border crossings <script>alert(1)</script> rise', standfirst: 'Families wait at the border.', sectionId: immigration,
    authorIds: [mina, omar], heroMediaId: hero, heroAlt: 'People waiting at a crossing', heroCaption: 'Families at the crossing', heroCredit: 'Photo: Desk',
    bodyHtml: body(6, 'Border') + '<h2>What comes next</h2><blockquote><p>We wait.</p></blockquote>', tags: ['Health', 'Borders'],
  });
  return { sections: { immigration, world, politics }, people: { mina, omar }, sourceId, articles: { lead, syndicated, corrected, renamed, archived, draft, scheduled, list } };
}

/** Publishes stories one day apart (so their order is known), keeping each one's id under its key in `ids`. */
export function dailyStories(t: { ctx: AppContext; clock: { advance(ms: number): void } }, ids: Record<string, number>) {
  return async (key: string, input: Parameters<typeof createArticle>[1]): Promise<void> => {
    t.clock.advance(86_400_000);
    ids[key] = await createArticle(t.ctx, input, actor);
    await publishArticle(t.ctx, ids[key], actor);
  };
}

// The Dari and Pashto desks' stories in the demo newsroom: written in their own language and published over the
// same six months as the English ones, Dari and Pashto in turn; the translations of English stories follow their
// originals by a few hours and are linked to them.
import type { AppContext } from '../context.ts';
import { createArticle, publishArticle, type Actor } from '../content/articles.ts';
import { composeBody } from './compose.ts';
import type { HeroImage } from './images.ts';
import { HERO_WORDS, LOCAL_CONTEXT, LOCALIZED, type LocalLanguage } from './newsroom_local.ts';
import { LOCAL_STORIES } from './stories.ts';
import { HOUR, at, publicationTimes } from './timeline.ts';
import type { LocalStory } from './types.ts';

const DESK: Actor = { userId: null };

export interface LocalDesk {
  /** person key -> id */
  people: Map<string, number>;
  /** section slug -> id */
  sections: Map<string, number>;
  heroes: HeroImage[];
  /** English headline -> the published English story */
  english: Map<string, { id: number; when: Date }>;
}

interface Placed {
  language: LocalLanguage;
  story: LocalStory;
}

/** Dari and Pashto stories in turn, so each language's front has something recent. */
function alternate(fa: LocalStory[], ps: LocalStory[]): Placed[] {
  const out: Placed[] = [];
  for (let k = 0; k < Math.max(fa.length, ps.length); k++) {
    if (fa[k]) out.push({ language: 'fa', story: fa[k] });
    if (ps[k]) out.push({ language: 'ps', story: ps[k] });
  }
  return out;
}

/** Every Dari and Pashto story the demo carries (originals, then translations). */
export function localStories(): Placed[] {
  const { fa, ps } = LOCAL_STORIES;
  return [...alternate(fa.stories, ps.stories), ...alternate(fa.translations, ps.translations)];
}

/** Writes and publishes the Dari and Pashto stories; returns how many were published. */
export async function seedLocalStories(ctx: AppContext, desk: LocalDesk, tell: (done: number, of: number) => void): Promise<number> {
  const now = ctx.clock.now();
  const all = localStories();
  // Each desk's stories spread over the six months, a little behind the English desk's times (Dari 40 minutes,
  // Pashto 80), so no two publish in the same minute and each front has a story from today.
  const times = new Map<Placed, Date>();
  for (const [n, language] of (['fa', 'ps'] as const).entries()) {
    const originals = all.filter((p) => p.language === language && !p.story.translates);
    const spread = publicationTimes(now, originals.length);
    for (const [k, p] of originals.entries()) times.set(p, new Date(spread[k].getTime() - (n + 1) * 40 * 60_000));
  }
  const earlier: Record<LocalLanguage, Set<string>[]> = { fa: [], ps: [] };
  let done = 0;
  for (const [k, placed] of all.entries()) {
    const { language, story } = placed;
    const original = story.translates ? desk.english.get(story.translates) : undefined;
    if (story.translates && !original) throw new Error(`the demo has no English story "${story.translates}" to translate`);
    const when = original ? new Date(Math.min(original.when.getTime() + 5 * HOUR, now.getTime() - HOUR)) : times.get(placed)!;
    const words = HERO_WORDS[language];
    const id = await createArticle(at(ctx, new Date(when.getTime() - 2 * HOUR)), {
      headline: story.headline,
      standfirst: story.standfirst,
      bodyHtml: composeBody(story, LOCAL_CONTEXT[language], 1000 + k, earlier[language]),
      sectionId: desk.sections.get(story.section)!,
      tags: story.tags,
      authorIds: story.authors.map((key) => desk.people.get(key)!),
      heroMediaId: desk.heroes[(k * 5 + 3) % desk.heroes.length].media.id,
      heroAlt: words.alt,
      heroCaption: words.caption(LOCALIZED[language].sections?.[story.section] ?? story.section),
      heroCredit: words.credit,
      language,
      ...(original ? { translationOf: original.id } : {}),
    }, DESK);
    await publishArticle(at(ctx, when), id, DESK, when);
    tell(++done, all.length);
  }
  return done;
}

// The demo newsroom's written material, kept as data (stories/*.json; original demo text, its people, places,
// businesses and works fictional): per English section its stories and the desk's background reporting, and per
// local language its own stories and its translations of English ones. The JSON is part of the bundle, like code.
import culture from './stories/culture.json' with { type: 'json' };
import economy from './stories/economy.json' with { type: 'json' };
import environment from './stories/environment.json' with { type: 'json' };
import health from './stories/health.json' with { type: 'json' };
import immigration from './stories/immigration.json' with { type: 'json' };
import politics from './stories/politics.json' with { type: 'json' };
import sport from './stories/sport.json' with { type: 'json' };
import world from './stories/world.json' with { type: 'json' };
import fa from './stories/fa.json' with { type: 'json' };
import ps from './stories/ps.json' with { type: 'json' };
import type { DemoArticle, LocalStory, SectionContext } from './types.ts';

interface SectionFile {
  articles: DemoArticle[];
  context: SectionContext;
}

interface LocalFile {
  stories: LocalStory[];
  translations: LocalStory[];
}

/** An English desk's stories and background, by section slug. */
export const SECTION_STORIES = {
  culture, economy, environment, health, immigration, politics, sport, world,
} as unknown as Record<'culture' | 'economy' | 'environment' | 'health' | 'immigration' | 'politics' | 'sport' | 'world', SectionFile>;

/** The Dari and Pashto desks' own stories, then their translations of English stories. */
export const LOCAL_STORIES = { fa, ps } as unknown as Record<'fa' | 'ps', LocalFile>;

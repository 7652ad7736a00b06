// The shapes of the demo newsroom's written material: per-article records and per-section context.

/** A reporter or editor of the demo newsroom. */
export interface DemoPerson {
  key: string;
  name: string;
  /** the name in Dari and Pashto letters, for bylines of stories in those languages */
  names?: Record<string, string>;
  role: string;
  bio: string;
}

/** One demo story: its own facts and quotes; section context paragraphs bring it to length. */
export interface DemoArticle {
  headline: string;
  standfirst: string;
  /** 2 to 4 tags, shared across stories */
  tags: string[];
  /** author keys from people.ts, in byline order */
  authors: string[];
  /** 3 to 5 paragraphs of the story's own reporting; the first two open the piece */
  paras: string[];
  /** a pull quote and who said it */
  quote: [text: string, who: string];
  /** what became of it: still a draft, scheduled for later, or published and then withdrawn; published if absent */
  fate?: 'draft' | 'scheduled' | 'archived';
  /** supplied by a syndication partner (World News) */
  source?: 'pamir' | 'harbour';
}

/** Background reporting of a section, drawn on by every story in it. */
export interface SectionContext {
  /** h2 subheads */
  subheads: string[];
  /** ~15 self-contained paragraphs of background */
  paragraphs: string[];
  /** notes from the desk (how it reports, how to reach it), set apart after a story's own last paragraph */
  notes: string[];
  /** short fact lists */
  lists: { intro: string; items: string[] }[];
}

export interface DemoSection {
  name: string;
  slug: string;
  description: string;
  articles: DemoArticle[];
  context: SectionContext;
}

/** A demo story written in Dari or Pashto: its section by slug, and the English story it translates, if any. */
export interface LocalStory extends DemoArticle {
  section: string;
  /** the headline of the English demo story this one translates (linked as its translation) */
  translates?: string;
}

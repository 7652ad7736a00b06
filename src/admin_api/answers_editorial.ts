// The shapes of the editorial answers the editor reads, for the document and the app's types: revisions and their
// comparison, a published story's unpublished changes, the review queue and a story's translations.
import { Flag, Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { ArticleStatus } from './answers.ts';
import { Described as d, OneOf, Type } from './schemas.ts';

/** A run of words that stayed, came in or went out. */
const Part = Type.Object({
  value: Str('The words.'),
  added: Type.Optional(Type.Boolean({ description: 'They came in.' })),
  removed: Type.Optional(Type.Boolean({ description: 'They went out.' })),
});
const TextDiff = {
  headline: Type.Array(Part, { description: 'The headline\'s words, in order.' }),
  standfirst: Type.Array(Part, { description: 'The standfirst\'s words.' }),
  body: Type.Array(Part, { description: 'The body\'s words as plain text (a blank line between paragraphs).' }),
  changed: Type.Boolean({ description: 'Whether any of the three differs.' }),
};

/** GET /api/admin/articles/{id}/revisions */
export const RevisionList = Type.Object({
  revisions: Type.Array(Type.Object({
    id: Num('The revision\'s id.'),
    article_id: Num('The article.'),
    headline: Str('Its headline then.'),
    created_by: OrNull(Type.Integer(), 'Who saved it.'),
    created_at: When('When it was saved'),
    note: OrNull(Type.String(), 'What it was (autosave, edited, restored from ...).'),
  }), { description: 'The revisions, newest first (without their bodies).' }),
});

/** GET /api/admin/articles/{id}/revisions/diff */
export const RevisionDiff = Type.Object({
  diff: d('From the older revision to the newer.', Type.Object({ from: Num('The older revision.'), to: Num('The newer revision.'), ...TextDiff })),
});

/** GET /api/admin/articles/{id}/changes */
export const UnpublishedChangesAnswer = Type.Object({
  changes: OrNull(Type.Object({
    ...TextDiff,
    fields: Type.Array(Type.String(), { description: 'The other fields that differ from the live version (e.g. sectionId, tags).' }),
    since: When('When the first unpublished change was made'),
    updatedAt: When('When the last one was (send it back as baseUpdatedAt)'),
  }), 'From the live version to the text being edited; null when there are no unpublished changes.'),
});

/** A story in the review queue. */
const ReviewRow = Type.Object({
  id: Num('The article\'s id.'),
  headline: Str('Its headline.'),
  status: Str('review (waiting) or draft (sent back).'),
  language: Str('Its language.'),
  submitted_at: WhenOrNull('When it was submitted (null: it came in before review rounds were kept)'),
  submitted_by_name: OrNull(Type.String(), 'Who submitted it.'),
  sent_back_at: WhenOrNull('When it was sent back'),
  sent_back_by_name: OrNull(Type.String(), 'Who sent it back.'),
  note: OrNull(Type.String(), 'The note it was sent back with (null without a review round).'),
});
/** GET /api/admin/reviews */
export const ReviewQueue = Type.Object({
  waiting: Type.Array(ReviewRow, { description: 'Stories waiting for review, oldest submission first.' }),
  sentBack: Type.Array(ReviewRow, { description: 'Stories sent back to their writers, newest first.' }),
});

/** GET /api/admin/articles/{id}/translations and PUT .../translation */
export const TranslationList = Type.Object({
  translations: Type.Array(Type.Object({
    id: Num('The article\'s id.'),
    slug: Str('Its slug.'),
    language: Str('Its language.'),
    headline: Str('Its headline.'),
    status: Str('Its status.'),
  }), { description: 'Every article of the translation group, itself included, in any status.' }),
});

/** An article as its editor shows it: for a published or scheduled one with unpublished changes, the working copy. */
const EditedArticle = Type.Object({
  id: Num('The article\'s id.'),
  slug: Str('Its address\'s last part.'),
  headline: Str('Its headline.'),
  standfirst: Str('The line under the headline.'),
  body_html: Str('The body, as HTML the editor writes.'),
  body_text: Str('The live version\'s body as plain text (for search).'),
  hero_media_id: OrNull(Type.Integer(), 'Its hero picture, if any.'),
  hero_caption: Str('The picture\'s caption.'),
  hero_credit: Str('The picture\'s credit.'),
  hero_alt: Str('The picture\'s text for screen readers.'),
  section_id: OrNull(Type.Integer(), 'Its section, if any.'),
  status: ArticleStatus,
  language: Str('Its language.'),
  comments_open: Flag('Whether readers may comment'),
  source_id: OrNull(Type.Integer(), 'The partner it came from, if any.'),
  source_url: OrNull(Type.String(), 'The partner\'s page of it, if any.'),
  created_by: OrNull(Type.Integer(), 'The staff account that started it.'),
  created_at: When('When it was started'),
  updated_at: When('The version the next save is made from (send it back as baseUpdatedAt)'),
  live_updated_at: When('When the live version last changed'),
  published_at: WhenOrNull('When it was first published'),
  scheduled_at: WhenOrNull('When it is to be published'),
  word_count: Num('The live version\'s words.'),
  featured: Flag('Whether the newsroom pinned it (imported sticky posts)'),
  original_byline: Str('A partner story\'s byline as the partner gave it (empty otherwise).'),
  original_published_at: WhenOrNull('When the partner first published it'),
  no_syndication: Flag('Whether it is left out of the feeds offered to partners and aggregators'),
  translation_group: OrNull(Type.Integer(), 'The story it translates (its translation group), or null for a group of its own.'),
  seo_title: Str('Its own title for search engines (empty: the headline).'),
  seo_description: Str('Its own description for search engines (empty: the standfirst).'),
  tags: Type.Array(Type.Object({ id: Num('The tag\'s id.'), name: Str('The tag.'), slug: Str('Its address.') }), { description: 'Its tags, by name.' }),
  authorIds: Type.Array(Type.Integer(), { description: 'The people in its byline, in order.' }),
  changes: OrNull(Type.Object({
    since: When('When the first unpublished change was made'),
    by: OrNull(Type.Integer(), 'Who made it.'),
    updatedAt: When('When the last one was'),
    updatedBy: OrNull(Type.Integer(), 'Who made the last one.'),
  }), 'A published story\'s unpublished changes (null: none).'),
  moves: Type.Array(OneOf(['submit', 'publish', 'update', 'schedule', 'unpublish', 'archive', 'send_back', 'discard'] as const),
    { description: 'What the caller may do with it now.' }),
  review: OrNull(Type.Object({
    article_id: Num('The article.'),
    submitted_by: OrNull(Type.Integer(), 'Who submitted it.'),
    submitted_at: WhenOrNull('When'),
    submitted_by_name: OrNull(Type.String(), 'Their name.'),
    sent_back_by: OrNull(Type.Integer(), 'Who sent it back.'),
    sent_back_at: WhenOrNull('When'),
    sent_back_by_name: OrNull(Type.String(), 'Their name.'),
    note: Str('The note it was sent back with (may be empty).'),
  }), 'The latest review round, if any.'),
  time_zone: Str('The site\'s IANA time zone (the schedule field and dates follow it).'),
});
/** GET /api/admin/articles/{id}, a save, a move, a restore, a discard: the article as its editor now shows it. */
export const EditedArticleAnswer = Type.Object({ article: d('The article.', EditedArticle) });

// The shapes of the editorial answers the editor reads, for the document and the app's types: revisions and their
// comparison, a published story's unpublished changes, the review queue and a story's translations.
import { Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

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

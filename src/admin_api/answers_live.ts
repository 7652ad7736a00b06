// The shapes of live coverage's answers (live_routes.ts), for the document and the app's live desk.
import { Num, OrNull, Str, When, WhenOrNull } from './answer_kit.ts';
import { Described as d, Type } from './schemas.ts';

const Coverage = Type.Object({
  articleId: Num('The story.'),
  startedAt: When('When the coverage started'),
  endedAt: WhenOrNull('When it ended (null: it runs)'),
  live: Type.Boolean({ description: 'Whether it runs now.' }),
});

const Entry = Type.Object({
  id: Num('The entry\'s id.'),
  articleId: Num('The story.'),
  authorId: OrNull(Type.Integer(), 'The staff account that posted it.'),
  authorName: Str('Their name, as readers see it.'),
  html: Str('The entry as readers see it (sanitized HTML).'),
  text: Str('The entry as it was written.'),
  mediaIds: Type.Array(Type.Integer(), { description: 'Its pictures, in order.' }),
  links: Type.Array(Type.String(), { description: 'Addresses it links to.' }),
  key: Type.Boolean({ description: 'Whether it is a key entry (among the highlights).' }),
  postedAt: When('When it was posted'),
  correctedAt: WhenOrNull('When it was last corrected'),
  deletedAt: WhenOrNull('When it was deleted (readers see that it was removed)'),
});

/** GET /api/admin/articles/{id}/live */
export const LiveAnswer = Type.Object({
  coverage: OrNull(Coverage, 'The story\'s coverage; null when it was never covered live.'),
  entries: Type.Array(Entry, { description: 'Every entry, newest first, deleted ones too.' }),
});
/** POST .../live/start and .../live/end */
export const CoverageAnswer = Type.Object({ coverage: d('The coverage now.', Coverage) });
/** POST .../live/entries and PATCH /api/admin/live/entries/{id} */
export const EntryAnswer = Type.Object({ entry: d('The entry now.', Entry) });

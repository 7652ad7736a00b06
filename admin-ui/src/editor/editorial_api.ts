// The editor's calls for the editorial flow: the moves (each sent with the version the person saw, so a change
// made meanwhile is refused with 409 rather than published unseen), a published story's unpublished changes (see,
// discard), the review queue, revisions compared, the newsroom's own stories for links, and pictures uploaded
// straight from the editor through the media library's upload.
import { api, query, upload } from '../api.ts';
import type { MediaRow } from '../screens/media_picker.tsx';
import type { Answer, Item } from '../api_types.ts';
import type { ArticleRecord } from './saving.ts';

/** A move the server may offer on an article. */
export type Move = Item<ArticleRecord['moves']>;

export type UnpublishedChanges = NonNullable<Answer<'/api/admin/articles/{id}/changes', 'get'>['changes']>;
/** Word-level differences in headline, standfirst and body. */
export type TextDiff = Pick<UnpublishedChanges, 'headline' | 'standfirst' | 'body'>;
export type Part = Item<TextDiff['headline']>;

const base = (id: number) => `/api/admin/articles/${id}`;
const at = (updatedAt: string | null) => query({ baseUpdatedAt: updatedAt ?? undefined });

/** Makes a move (not 'discard'): the article as its editor now shows it. */
export async function moveArticle(id: number, move: Exclude<Move, 'discard'>, updatedAt: string | null, body?: unknown): Promise<ArticleRecord> {
  const path = move === 'send_back' ? 'send-back' : move;
  return (await api<{ article: ArticleRecord }>('POST', `${base(id)}/${path}${at(updatedAt)}`, body)).article;
}

export async function discardChanges(id: number, updatedAt: string | null): Promise<ArticleRecord> {
  return (await api<{ article: ArticleRecord }>('DELETE', `${base(id)}/changes${at(updatedAt)}`)).article;
}

export async function unpublishedChanges(id: number): Promise<UnpublishedChanges | null> {
  return (await api<Answer<'/api/admin/articles/{id}/changes', 'get'>>('GET', `${base(id)}/changes`)).changes;
}

type ReviewQueue = Answer<'/api/admin/reviews', 'get'>;
export type ReviewRow = Item<ReviewQueue['waiting']>;

export function reviewQueue(): Promise<ReviewQueue> {
  return api('GET', '/api/admin/reviews');
}

export type Revision = Item<Answer<'/api/admin/articles/{id}/revisions', 'get'>['revisions']>;

export async function listRevisions(id: number): Promise<Revision[]> {
  return (await api<Answer<'/api/admin/articles/{id}/revisions', 'get'>>('GET', `${base(id)}/revisions`)).revisions;
}

export async function compareRevisions(id: number, from: number, to: number): Promise<TextDiff> {
  return (await api<Answer<'/api/admin/articles/{id}/revisions/diff', 'get'>>('GET', `${base(id)}/revisions/diff${query({ from, to })}`)).diff;
}

export async function restoreRevision(id: number, revisionId: number): Promise<ArticleRecord> {
  return (await api<{ article: ArticleRecord }>('POST', `${base(id)}/revisions/${revisionId}/restore`)).article;
}

export type StoryLink = Item<Answer<'/api/admin/articles', 'get'>['articles']>;

/** The newsroom's published stories whose headline or standfirst has these words (for a link). */
export async function findStories(q: string): Promise<StoryLink[]> {
  return (await api<Answer<'/api/admin/articles', 'get'>>('GET', `/api/admin/articles${query({ q, status: 'published', limit: 8 })}`)).articles;
}

/** Uploads a picture to the media library (with its alt text when given) and answers its record; `progress` hears
 * from 0 to 1 as the bytes go. */
export async function uploadPicture(file: File, alt = '', progress: (done: number) => void = () => {}): Promise<MediaRow> {
  const form = new FormData();
  if (alt) form.append('alt', alt);
  form.append('file', file);
  return (await upload<{ media: MediaRow }>('/api/admin/media', form, progress)).media;
}

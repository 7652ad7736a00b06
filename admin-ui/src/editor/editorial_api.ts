// The editor's calls for the editorial flow: the moves (each sent with the version the person saw, so a change
// made meanwhile is refused with 409 rather than published unseen), a published story's unpublished changes (see,
// discard), the review queue, revisions compared, the newsroom's own stories for links, and pictures uploaded
// straight from the editor through the media library's upload.
import { api, query, upload } from '../api.ts';
import type { MediaRow } from '../screens/media_picker.tsx';
import type { ArticleRecord } from './saving.ts';

export type Move = 'submit' | 'publish' | 'update' | 'schedule' | 'unpublish' | 'archive' | 'send_back' | 'discard';

export interface Part { value: string; added?: boolean; removed?: boolean }
export interface TextDiff { headline: Part[]; standfirst: Part[]; body: Part[] }
export interface UnpublishedChanges extends TextDiff { fields: string[]; since: string; updatedAt: string }

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
  return (await api<{ changes: UnpublishedChanges | null }>('GET', `${base(id)}/changes`)).changes;
}

export interface ReviewRow {
  id: number; headline: string; status: string; submitted_at: string | null; submitted_by_name: string | null;
  sent_back_at: string | null; sent_back_by_name: string | null; note: string;
}

export function reviewQueue(): Promise<{ waiting: ReviewRow[]; sentBack: ReviewRow[] }> {
  return api('GET', '/api/admin/reviews');
}

export interface Revision { id: number; headline: string; created_at: string; note: string | null; created_by: number | null }

export async function listRevisions(id: number): Promise<Revision[]> {
  return (await api<{ revisions: Revision[] }>('GET', `${base(id)}/revisions`)).revisions;
}

export async function compareRevisions(id: number, from: number, to: number): Promise<TextDiff> {
  return (await api<{ diff: TextDiff }>('GET', `${base(id)}/revisions/diff${query({ from, to })}`)).diff;
}

export async function restoreRevision(id: number, revisionId: number): Promise<ArticleRecord> {
  return (await api<{ article: ArticleRecord }>('POST', `${base(id)}/revisions/${revisionId}/restore`)).article;
}

export interface StoryLink { id: number; headline: string; slug: string; status: string }

/** The newsroom's published stories whose headline or standfirst has these words (for a link). */
export async function findStories(q: string): Promise<StoryLink[]> {
  return (await api<{ articles: StoryLink[] }>('GET', `/api/admin/articles${query({ q, status: 'published', limit: 8 })}`)).articles;
}

/** Uploads a picture to the media library (with its alt text when given) and answers its record; `progress` hears
 * from 0 to 1 as the bytes go. */
export async function uploadPicture(file: File, alt = '', progress: (done: number) => void = () => {}): Promise<MediaRow> {
  const form = new FormData();
  if (alt) form.append('alt', alt);
  form.append('file', file);
  return (await upload<{ media: MediaRow }>('/api/admin/media', form, progress)).media;
}

// The live desk's calls to the Admin API (/api/admin/articles/:id/live, /api/admin/live/entries/:id).
import { api } from '../api.ts';
import type { Answer, Item, RequestBody } from '../api_types.ts';

type Live = Answer<'/api/admin/articles/{id}/live', 'get'>;
export type Coverage = NonNullable<Live['coverage']>;
export type Entry = Item<Live['entries']>;
export type Story = Answer<'/api/admin/articles/{id}', 'get'>['article'];
export type NewEntry = RequestBody<'/api/admin/articles/{id}/live/entries', 'post'>;
type MediaList = Answer<'/api/admin/media', 'get'>;
export type Picture = Item<MediaList['media']>;

export const liveOf = (id: number) => api<Live>('GET', `/api/admin/articles/${id}/live`);
export const storyOf = async (id: number) => (await api<Answer<'/api/admin/articles/{id}', 'get'>>('GET', `/api/admin/articles/${id}`)).article;
export const startLive = (id: number) => api<Answer<'/api/admin/articles/{id}/live/start', 'post'>>('POST', `/api/admin/articles/${id}/live/start`);
export const endLive = (id: number) => api<Answer<'/api/admin/articles/{id}/live/end', 'post'>>('POST', `/api/admin/articles/${id}/live/end`);
export const postEntry = (id: number, e: NewEntry) => api<Answer<'/api/admin/articles/{id}/live/entries', 'post'>>('POST', `/api/admin/articles/${id}/live/entries`, e);
export const changeEntry = (id: number, change: { text?: string; key?: boolean }) => api<Answer<'/api/admin/live/entries/{id}', 'patch'>>('PATCH', `/api/admin/live/entries/${id}`, change);
export const deleteEntry = (id: number) => api('DELETE', `/api/admin/live/entries/${id}`);
export const recentPictures = async () => (await api<MediaList>('GET', '/api/admin/media?limit=12')).media;

/** The smallest JPEG of a picture, for a thumbnail. */
export const thumbOf = (p: Picture) => p.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width)[0]?.url ?? p.url;

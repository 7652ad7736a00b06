// The live desk's calls to the Admin API (/api/admin/articles/:id/live, /api/admin/live/entries/:id).
import { api } from '../api.ts';

export interface Coverage { articleId: number; startedAt: string; endedAt: string | null; live: boolean }
export interface Entry {
  id: number; authorName: string; html: string; text: string; mediaIds: number[]; links: string[]; key: boolean;
  postedAt: string; correctedAt: string | null; deletedAt: string | null;
}
export interface Story { id: number; headline: string; slug: string; status: string; language: string }
export interface NewEntry { text: string; key: boolean; alert: boolean; channels: boolean; mediaIds: number[] }
export interface Picture { id: number; alt: string; url: string; variants: { width: number; format: string; url: string }[] }

export const liveOf = (id: number) => api<{ coverage: Coverage | null; entries: Entry[] }>('GET', `/api/admin/articles/${id}/live`);
export const storyOf = async (id: number) => (await api<{ article: Story }>('GET', `/api/admin/articles/${id}`)).article;
export const startLive = (id: number) => api<{ coverage: Coverage }>('POST', `/api/admin/articles/${id}/live/start`);
export const endLive = (id: number) => api<{ coverage: Coverage }>('POST', `/api/admin/articles/${id}/live/end`);
export const postEntry = (id: number, e: NewEntry) => api<{ entry: Entry }>('POST', `/api/admin/articles/${id}/live/entries`, e);
export const changeEntry = (id: number, change: { text?: string; key?: boolean }) => api<{ entry: Entry }>('PATCH', `/api/admin/live/entries/${id}`, change);
export const deleteEntry = (id: number) => api('DELETE', `/api/admin/live/entries/${id}`);
export const recentPictures = async () => (await api<{ media: Picture[] }>('GET', '/api/admin/media?limit=12')).media;

/** The smallest JPEG of a picture, for a thumbnail. */
export const thumbOf = (p: Picture) => p.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width)[0]?.url ?? p.url;

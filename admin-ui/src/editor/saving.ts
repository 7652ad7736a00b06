// Saving an article as the editor does it: a new one is created once it has a headline; later changes go to
// autosave with the version they were made from, so a change made meanwhile by someone else is answered 409 and
// nothing is overwritten. What the screen says about it is a SaveState.
import { api, ApiError } from '../api.ts';
import type { ArticleForm } from './draft_store.ts';
import type { Answer } from '../api_types.ts';

export type SaveState =
  | { kind: 'saved'; at: number }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'conflict' }
  | { kind: 'refused'; error: ApiError };

/** An article as its editor shows it (the working copy of a published story with unpublished changes), with the
 * moves this person may make now, the latest review round and the site's time zone. */
export type ArticleRecord = Answer<'/api/admin/articles/{id}', 'get'>['article'];

export function formOf(a: ArticleRecord): ArticleForm {
  return {
    headline: a.headline, standfirst: a.standfirst, bodyHtml: a.body_html, sectionId: a.section_id, tags: a.tags.map((x) => x.name),
    authorIds: a.authorIds, heroMediaId: a.hero_media_id, heroAlt: a.hero_alt, heroCaption: a.hero_caption, heroCredit: a.hero_credit,
    slug: a.slug, language: a.language, commentsOpen: Boolean(a.comments_open), noSyndication: Boolean(a.no_syndication), sourceId: a.source_id,
    sourceUrl: a.source_url ?? '', seoTitle: a.seo_title ?? '', seoDescription: a.seo_description ?? '',
  };
}

export function emptyForm(language: string): ArticleForm {
  return {
    headline: '', standfirst: '', bodyHtml: '', sectionId: null, tags: [], authorIds: [], heroMediaId: null, heroAlt: '', heroCaption: '',
    heroCredit: '', slug: '', language, commentsOpen: true, noSyndication: false, sourceId: null, sourceUrl: '', seoTitle: '', seoDescription: '',
  };
}

/** The request body: what the API takes (an empty slug lets the server make one; an empty source address is none). */
function bodyOf(f: ArticleForm, creating: boolean) {
  const { slug, sourceUrl, authorIds, ...rest } = f;
  return {
    ...rest,
    ...(slug.trim() ? { slug: slug.trim() } : {}),
    sourceUrl: sourceUrl.trim() || null,
    ...(creating && !authorIds.length ? {} : { authorIds }),
  };
}

/** Saves the form: creates the article when there is none yet. Returns the article as stored. */
export async function saveArticle(id: number | null, form: ArticleForm, base: string | null, autosave: boolean): Promise<ArticleRecord> {
  if (id === null) {
    const created = await api<{ id: number }>('POST', '/api/admin/articles', bodyOf(form, true));
    return (await api<Answer<'/api/admin/articles/{id}', 'get'>>('GET', `/api/admin/articles/${created.id}`)).article;
  }
  const q = base ? `?baseUpdatedAt=${encodeURIComponent(base)}` : '';
  const path = autosave ? `/api/admin/articles/${id}/autosave${q}` : `/api/admin/articles/${id}${q}`;
  return (await api<{ article: ArticleRecord }>(autosave ? 'PUT' : 'PATCH', path, bodyOf(form, false))).article;
}

export function stateOfFailure(err: unknown): SaveState {
  if (!(err instanceof ApiError)) return { kind: 'offline' };
  if (err.status === 0) return { kind: 'offline' };
  if (err.status === 409 && err.field === 'updatedAt') return { kind: 'conflict' };
  return { kind: 'refused', error: err };
}

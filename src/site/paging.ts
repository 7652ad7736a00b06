// ?page=N on list pages: a whole number from 1; anything else is a 400, a page past the end a 404.
import { KhabarError, NotFoundError } from '../errors.ts';

export const PER_PAGE = 12;

export function parsePage(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw new KhabarError(400, 'bad_page', 'The page number must be a whole number from 1.');
  return Number(raw);
}

/** Number of pages for a total; throws 404 when the page asked for is past the last one. */
export function pageCount(total: number, page: number, perPage = PER_PAGE): number {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (page > pages) throw new NotFoundError('There is no such page.');
  return pages;
}

export function pageHref(base: string, page: number): string {
  return page === 1 ? base : `${base}?page=${page}`;
}

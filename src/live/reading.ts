// What readers' pages show of a live story: its coverage and its entries, newest first, with their pictures.
import type { Db } from '../db/schema.ts';
import { mediaById, type MediaView } from '../content/reading.ts';
import { getCoverage, type Coverage } from './coverage.ts';
import { listEntries, type LiveEntry } from './entries.ts';

export interface LiveEntryView extends LiveEntry {
  pictures: MediaView[];
}

export interface LiveStory {
  coverage: Coverage;
  /** newest first; deleted entries stay, emptied, so readers see that something was removed */
  entries: LiveEntryView[];
}

/** The live story of an article, or null when it was never covered live. */
export async function liveStory(db: Db, articleId: number): Promise<LiveStory | null> {
  const coverage = await getCoverage(db, articleId);
  if (!coverage) return null;
  const entries = await listEntries(db, articleId);
  const ids = [...new Set(entries.flatMap((e) => e.mediaIds))];
  const media = new Map<number, MediaView>();
  for (const id of ids) {
    const m = await mediaById(db, id);
    if (m) media.set(id, m);
  }
  return { coverage, entries: entries.map((e) => ({ ...e, pictures: e.mediaIds.flatMap((id) => media.get(id) ?? []) })) };
}

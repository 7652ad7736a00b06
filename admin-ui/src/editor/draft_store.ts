// Unsaved work kept on this device: every change to an article is written to localStorage at once, with the
// version of the article it was made from, and removed only when the server has saved it. A dropped network, an
// expired session or a closed tab therefore loses nothing; the next visit finds the copy and saves it.
export interface ArticleForm {
  headline: string; standfirst: string; bodyHtml: string; sectionId: number | null; tags: string[]; authorIds: number[];
  heroMediaId: number | null; heroAlt: string; heroCaption: string; heroCredit: string; slug: string; language: string;
  commentsOpen: boolean; sourceId: number | null; sourceUrl: string; seoTitle: string; seoDescription: string;
  /** absent in copies kept before the field existed */
  noSyndication?: boolean;
}

export interface KeptCopy { form: ArticleForm; base: string | null; keptAt: string }

const keyOf = (id: number | 'new') => `khabar.article.${id}`;

export function keepCopy(id: number | 'new', form: ArticleForm, base: string | null): boolean {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify({ form, base, keptAt: new Date().toISOString() } satisfies KeptCopy));
    return true;
  } catch {
    return false; // storage full or refused: the screen still shows the work as unsaved
  }
}

export function keptCopy(id: number | 'new'): KeptCopy | null {
  try {
    const raw = localStorage.getItem(keyOf(id));
    if (!raw) return null;
    const kept = JSON.parse(raw) as KeptCopy;
    // A copy kept by an earlier version of the app lacks the fields added since.
    const form: Partial<ArticleForm> = kept.form;
    return { ...kept, form: { ...kept.form, seoTitle: form.seoTitle ?? '', seoDescription: form.seoDescription ?? '' } };
  } catch {
    return null;
  }
}

export function dropCopy(id: number | 'new'): void {
  localStorage.removeItem(keyOf(id));
}

/** Words and minutes of reading (200 words a minute, at least one). */
export function wordsAndMinutes(text: string): { words: number; minutes: number } {
  const words = text.match(/[\p{L}\p{N}\u200c'’-]+/gu)?.length ?? 0;
  return { words, minutes: Math.max(1, Math.round(words / 200)) };
}

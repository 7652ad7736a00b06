// The search bench's newsroom: 100,000 generated stories, half English and half Dari, written from a fixed seed
// so every run and both databases hold the same text. Words follow Zipf's law (a few words in nearly every
// story, most in very few), as in real news text; the first words of each vocabulary are real ones.
import { seeded } from '../src/demo/compose.ts';
import { normaliseText } from '../src/search/normalise.ts';
import type { SearchDocument } from '../src/search/types.ts';

export const STORIES = 100_000;
export const SECTIONS = 6;
/** the first story's publication day; one story every 26 minutes after it (about five years) */
const FIRST = Date.UTC(2021, 0, 1);
const STEP_MS = 26 * 60_000;

const ENGLISH = ['the', 'of', 'and', 'to', 'in', 'a', 'said', 'government', 'minister', 'people', 'year', 'city', 'police',
  'women', 'school', 'province', 'election', 'market', 'report', 'water', 'health', 'border', 'court', 'farmers', 'prices',
  'university', 'students', 'hospital', 'winter', 'refugees', 'kabul', 'herat', 'kandahar', 'journalists', 'budget'];
const DARI = ['و', 'در', 'به', 'از', 'که', 'این', 'را', 'با', 'حکومت', 'وزیر', 'مردم', 'سال', 'شهر', 'پولیس', 'زنان', 'مکتب',
  'ولایت', 'انتخابات', 'بازار', 'گزارش', 'آب', 'صحت', 'مرز', 'محکمه', 'دهقانان', 'قیمت‌ها', 'دانشگاه', 'شاگردان', 'شفاخانه',
  'زمستان', 'مهاجران', 'کابل', 'هرات', 'کندهار', 'خبرنگاران', 'بودجه'];
const LATIN_SYLLABLES = ['ka', 'ri', 'mo', 'ten', 'sa', 'lu', 'ver', 'do', 'pan', 'gi', 'ro', 'mel', 'tu', 'ba', 'nor', 'fi', 'che', 'los', 'wa', 'den'];
const ARABIC_SYLLABLES = ['کا', 'ری', 'مو', 'تن', 'سا', 'لو', 'ور', 'دو', 'پن', 'گی', 'رو', 'مل', 'تو', 'با', 'نور', 'فی', 'چه', 'لس', 'وا', 'دن'];
const VOCABULARY = 20_000;
const NAMES = ['Zarghuna Wardak', 'Ahmad Karimi', 'Mariam Noori', 'Farid Sultani', 'Sahar Rahimi', 'Jawad Hakimi', 'Laila Ahmadi', 'Nasir Popal'];
const TAGS = ['Economy', 'Education', 'Health', 'Security', 'Elections', 'Culture', 'Weather', 'Refugees', 'Sport', 'Courts'];

/** The real words first, then made-up words of two to four syllables, all distinct. */
function vocabulary(real: string[], syllables: string[]): string[] {
  const words = real.map(normaliseText);
  const seen = new Set(words);
  for (let n = 0; words.length < VOCABULARY; n++) {
    let w = '';
    for (let k = n, parts = 2 + (n % 3); parts > 0; parts--, k = Math.floor(k / syllables.length)) w += syllables[k % syllables.length];
    if (!seen.has(w)) { seen.add(w); words.push(w); }
  }
  return words;
}

/** Picks word ranks with probability 1/rank (Zipf, s = 1). */
function zipf(rand: () => number): () => number {
  const cumulative = new Float64Array(VOCABULARY);
  let sum = 0;
  for (let r = 0; r < VOCABULARY; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const WORDS = { en: vocabulary(ENGLISH, LATIN_SYLLABLES), fa: vocabulary(DARI, ARABIC_SYLLABLES) };

/** The publication time of the story with this id. */
export function publishedAt(id: number): string {
  return new Date(FIRST + id * STEP_MS).toISOString();
}

/** Stories `from` to `to` (ids, inclusive start, exclusive end); odd ids in Dari. Text as the index stores it. */
export function* stories(from: number, to: number): Generator<SearchDocument> {
  const rand = seeded(from);
  const rank = zipf(rand);
  for (let id = from; id < to; id++) {
    const language = id % 2 ? 'fa' : 'en';
    const words = WORDS[language];
    const text = (n: number) => Array.from({ length: n }, () => words[rank()]).join(' ');
    yield {
      articleId: id,
      headline: text(8),
      standfirst: text(25),
      body: text(300),
      people: NAMES[Math.floor(rand() * NAMES.length)],
      tags: `${TAGS[Math.floor(rand() * TAGS.length)]}, ${TAGS[Math.floor(rand() * TAGS.length)]}`,
      sectionId: 1 + Math.floor(rand() * SECTIONS),
      language,
      publishedAt: publishedAt(id),
    };
  }
}

// What each public address shows, as the audience figures count it (src/audience/recorder.ts): the kind of page, the
// edition (full or lite), the language its address names, and the story an article address names. Addresses that
// are not pages a reader reads (sitemaps, icons, robots.txt, assets) are not views.
import type { DescribePage, PageDescription } from '../audience/recorder.ts';
import { LANGUAGES } from '../i18n/languages.ts';

const LANG = `(${LANGUAGES.join('|')})`;
const FEED = '(?:feed|atom\\.xml|feed\\.json)';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Omit<PageDescription, 'edition'>][] = [
  [/^\/$/, () => ({ kind: 'front' })],
  [new RegExp(`^\\/${LANG}\\/$`), (m) => ({ kind: 'front', language: m[1] })],
  [/^\/articles\/([^/]+)$/, (m) => ({ kind: 'article', articleSlug: m[1] })],
  [/^\/section\/[^/]+$/, () => ({ kind: 'section' })],
  [new RegExp(`^\\/${LANG}\\/section\\/[^/]+$`), (m) => ({ kind: 'section', language: m[1] })],
  [/^\/tag\/[^/]+$/, () => ({ kind: 'tag' })],
  [/^\/author\/[^/]+$/, () => ({ kind: 'author' })],
  [/^\/search$/, () => ({ kind: 'search' })],
  [/^\/pages\/[^/]+$/, () => ({ kind: 'page' })],
  [/^\/\d{4}\/(\d{2}\/)?$/, () => ({ kind: 'archive' })],
  [new RegExp(`^\\/${LANG}\\/${FEED}$`), (m) => ({ kind: 'feed', language: m[1] })],
  [new RegExp(`^(\\/(section|tag|author)\\/[^/]+|\\/${LANG}\\/section\\/[^/]+)?\\/${FEED}$`), () => ({ kind: 'feed' })],
];

/** The lite edition's addresses: its front (per language), its stories and its sections. */
const LITE: [RegExp, (m: RegExpExecArray) => Omit<PageDescription, 'edition'>][] = [
  [/^\/lite\/$/, () => ({ kind: 'front' })],
  [new RegExp(`^\\/lite\\/${LANG}\\/$`), (m) => ({ kind: 'front', language: m[1] })],
  [/^\/lite\/articles\/([^/]+)$/, (m) => ({ kind: 'article', articleSlug: m[1] })],
  [/^\/lite\/section\/[^/]+$/, () => ({ kind: 'section' })],
];

/** What a (decoded) address shows, or null when it is not a page view. */
export const describePage: DescribePage = (path) => {
  const lite = path.startsWith('/lite/');
  for (const [re, make] of lite ? LITE : PATTERNS) {
    const m = re.exec(path);
    if (m) return { ...make(m), edition: lite ? 'lite' : 'full' };
  }
  return null;
};

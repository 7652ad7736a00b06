// Writing systems: which one a text is mostly written in, and which ones a site's languages use.

const SCRIPTS = ['Latin', 'Arabic', 'Cyrillic', 'Greek', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Devanagari', 'Thai', 'Armenian', 'Georgian'] as const;
const MATCHERS = SCRIPTS.map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}`, 'u') }));

const LANGUAGE_SCRIPTS: Record<string, string[]> = { en: ['Latin'], fa: ['Arabic'], ps: ['Arabic'], ar: ['Arabic'], ur: ['Arabic'] };

/** The script most letters of the text belong to, or null when it has no letters. */
export function dominantScript(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const m = MATCHERS.find((x) => x.re.test(ch));
    const name = m ? m.name : 'Other';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [name, n] of counts) if (n > most) [best, most] = [name, n];
  return best;
}

/** Scripts expected for the given languages; Latin always, since readers everywhere write in it too. */
export function scriptsForLanguages(languages: readonly string[]): string[] {
  return [...new Set(['Latin', ...languages.flatMap((l) => LANGUAGE_SCRIPTS[l] ?? [])])];
}

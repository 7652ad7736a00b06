// `khabar offline-edition [--lang xx] [--date YYYY-MM-DD] [DIR]`: makes the offline edition now (src/mirrors).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { getSettings } from '../content/settings.ts';
import { buildEdition, offlineRoot, siteToday } from '../mirrors/offline_edition.ts';
import { validDay } from '../mirrors/offline_stories.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { helpText, type Command } from './command.ts';

const USAGE = 'Usage: khabar offline-edition [--lang en|fa|ps] [--date YYYY-MM-DD] [DIR]';

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export const offlineEdition: Command = {
  summary: "offline-edition [DIR]: make the day's offline edition (web page and EPUB, signed) now",
  help: helpText(USAGE, `Makes the offline edition of a day: per language, the stories published that day in the site's time zone
(the latest 20 when there are fewer than five) as one self-contained web page and as an EPUB e-book, in DIR/<lang>/,
beside a manifest signed with the newsroom's key (check it with khabar verify-mirror DIR/<lang>). Each folder keeps
the last 7 days. Without DIR, the site's own folder, served at /offline/, is written.

--lang makes only that language's edition (default: every language the site publishes in).
--date makes that day's edition (default: today in the site's time zone).`),
  async run(args) {
    const parsed = (() => {
      try {
        return parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, date: { type: 'string' } } });
      } catch {
        return null;
      }
    })();
    const lang = parsed?.values.lang;
    const date = parsed?.values.date;
    if (!parsed || parsed.positionals.length > 1 || (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) || (date !== undefined && !validDay(date))) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    const runtime = await createRuntime(loadConfig());
    try {
      const ctx = runtime.ctx;
      const settings = await getSettings(ctx.db);
      const languages = lang ? [lang] : [settings.language, ...settings.languages.filter((l) => l !== settings.language)];
      const day = date ?? (await siteToday(ctx));
      const root = parsed.positionals[0] ?? offlineRoot(ctx);
      for (const l of languages) {
        const made = await buildEdition(ctx, l, day, root);
        console.log(`${l} ${made.date}: ${made.stories} stories, ${made.pictures} pictures; ${made.dir}/${made.date}.html (${kb(made.html)}), .epub (${kb(made.epub)})`);
      }
    } finally {
      await runtime.close();
    }
  },
};

// The offline edition: each day, per language, the day's stories as one self-contained web page (no script, styles
// and small pictures inside) and as an EPUB, for readers to keep and pass from phone to phone when the internet is
// cut. Each language's folder (`<dataDir>/offline/<lang>/`, or a folder given to the command line) keeps the last
// DAYS_KEPT days, `<date>.html` and `<date>.epub`, and a manifest of them signed with the newsroom's key (the
// mirrors' format: `khabar verify-mirror FOLDER` checks it). The site serves them at /offline/ (src/site); the
// offline-edition job makes each language's edition of the day just ended after the site's local midnight.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { getSettings } from '../content/settings.ts';
import { publishedBefore } from '../content/reading.ts';
import { localDay } from '../i18n/index.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { currentMirrorAddresses } from './mirrors.ts';
import { signingKey } from './signing.ts';
import { FORMAT, SIGNATURE, SIGNED_MANIFEST, sha256Hex, signManifest } from './signed_manifest.ts';
import { editionHtml, type EditionView } from './offline_html.ts';
import { editionEpub } from './offline_epub.ts';
import { PictureSet } from './offline_pictures.ts';
import { addDays, dayBounds, editionStories, validDay } from './offline_stories.ts';

/** Days of editions a folder keeps. */
export const DAYS_KEPT = 7;

/** One edition file in a language's folder. */
export const EDITION_FILE = /^(\d{4}-\d{2}-\d{2})\.(html|epub)$/;

export interface EditionFiles {
  lang: string;
  date: string;
  stories: number;
  pictures: number;
  /** bytes of each file */
  html: number;
  epub: number;
  /** the language's folder */
  dir: string;
}

/** The site's own folder of editions (served at /offline/). */
export const offlineRoot = (ctx: AppContext) => join(ctx.config.dataDir, 'offline');

/** Where else the newsroom can be read: the configured mirrors and those holding the latest copy. */
async function mirrorsOf(ctx: AppContext): Promise<string[]> {
  return [...new Set([...ctx.config.mirrors, ...(await currentMirrorAddresses(ctx))])];
}

function checkLanguage(lang: string): void {
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new ValidationError('lang', `lang must be one of ${LANGUAGES.join(', ')}`);
}

/** Today in the site's time zone. */
export async function siteToday(ctx: AppContext): Promise<string> {
  return localDay(ctx.clock.now(), (await getSettings(ctx.db)).timeZone);
}

/** Writes a file whole: a reader of the folder sees the old bytes or the new ones, never half. */
function writeWhole(path: string, bytes: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Makes a language's edition of a local day (YYYY-MM-DD) in `root`/<lang>/, keeps the last DAYS_KEPT days there,
 * and signs the folder's manifest again. */
export async function buildEdition(ctx: AppContext, lang: string, date: string, root = offlineRoot(ctx)): Promise<EditionFiles> {
  checkLanguage(lang);
  if (!validDay(date)) throw new ValidationError('date', 'date must be a day written YYYY-MM-DD');
  const found = await editionStories(ctx, lang, date);
  const settings = found.settings;
  const key = await signingKey(ctx);
  const view: EditionView = {
    lang, date, dayStart: found.from, kind: found.kind, settings, name: settings.localized[lang]?.name || settings.name,
    origin: ctx.config.publicUrl, stories: found.stories, pictures: new PictureSet(ctx), publicKey: key.publicKey,
    mirrors: await mirrorsOf(ctx), onion: ctx.config.onionUrl, madeAt: ctx.clock.now(),
  };
  const html = Buffer.from(await editionHtml(view));
  const epub = await editionEpub(view);
  const dir = join(root, lang);
  mkdirSync(dir, { recursive: true });
  writeWhole(join(dir, `${date}.html`), html);
  writeWhole(join(dir, `${date}.epub`), epub);
  await signFolder(ctx, dir);
  await ctx.events.emit('offline.changed', { lang, date });
  return { lang, date, stories: found.stories.length, pictures: (await view.pictures.all()).length, html: html.length, epub: epub.length, dir };
}

/** The days a folder holds editions of, newest first. */
function daysIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const days = new Set(readdirSync(dir).map((f) => EDITION_FILE.exec(f)?.[1]).filter((d): d is string => !!d));
  return [...days].sort().reverse();
}

/** Removes editions older than the last DAYS_KEPT days, then signs what is left: every edition file, listed with
 * its SHA-256, in the folder's khabar-mirror.json, signed in khabar-mirror.json.sig. */
async function signFolder(ctx: AppContext, dir: string): Promise<void> {
  const keep = new Set(daysIn(dir).slice(0, DAYS_KEPT));
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    const m = EDITION_FILE.exec(f);
    if (!m) continue;
    if (!keep.has(m[1])) rmSync(join(dir, f));
    else files[f] = sha256Hex(readFileSync(join(dir, f)));
  }
  const key = await signingKey(ctx);
  const signed = signManifest({ format: FORMAT, origin: ctx.config.publicUrl, generatedAt: ctx.clock.now().toISOString(), publicKey: key.publicKey, files }, key.privateKey);
  // the manifest first, then its signature: a verifier that reads between the two sees a bad signature, not a
  // good one over the wrong list
  writeWhole(join(dir, SIGNED_MANIFEST), signed.bytes);
  writeWhole(join(dir, SIGNATURE), signed.signature);
}

export interface ListedEdition {
  date: string;
  html: number;
  epub: number;
  /** when the later of the two was written (ms) */
  at: number;
}

/** The editions the site holds, per language, newest first (what /offline/ lists). */
export function listEditions(ctx: AppContext): Record<string, ListedEdition[]> {
  const out: Record<string, ListedEdition[]> = {};
  for (const lang of LANGUAGES) {
    const dir = join(offlineRoot(ctx), lang);
    const stat = (f: string) => (existsSync(join(dir, f)) ? statSync(join(dir, f)) : null);
    const days = daysIn(dir).map((date) => {
      const [html, epub] = [stat(`${date}.html`), stat(`${date}.epub`)];
      return { date, html: html?.size ?? 0, epub: epub?.size ?? 0, at: Math.max(html?.mtimeMs ?? 0, epub?.mtimeMs ?? 0) };
    }).filter((e) => e.html && e.epub);
    if (days.length) out[lang] = days;
  }
  return out;
}

/** What the site's editions are now (each file's name and size, and when it was written): the stamp of /offline/'s
 * page-cache tag `offline`, which a static export compares. */
export function editionsStamp(ctx: AppContext): string {
  const all = listEditions(ctx);
  return sha256Hex(Object.entries(all).map(([lang, list]) => `${lang}:${list.map((e) => `${e.date}/${e.html}/${e.epub}/${e.at}`).join(',')}`).join(';'));
}

/** One edition file the site holds (`2026-12-07.html` in `fa`), or null: only names an edition can have are read. */
export function editionFile(ctx: AppContext, lang: string, file: string): { bytes: Buffer; modified: Date } | null {
  if (!(LANGUAGES as readonly string[]).includes(lang) || !EDITION_FILE.test(file)) return null;
  const path = join(offlineRoot(ctx), lang, file);
  if (!existsSync(path)) return null;
  return { bytes: readFileSync(path), modified: statSync(path).mtime };
}

/** The day each language's edition was last made by the job (mirror_settings, keys `offline:made:<lang>`). */
async function lastMade(ctx: AppContext, lang: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('mirror_settings').select('value').where('key', '=', `offline:made:${lang}`).executeTakeFirst();
  return row?.value ?? null;
}

async function noteMade(ctx: AppContext, lang: string, date: string): Promise<void> {
  await ctx.db.insertInto('mirror_settings').values({ key: `offline:made:${lang}`, value: date })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: date })).execute();
}

/** One turn of the offline-edition job (src/jobs/runner.ts): once the site's local day has turned, each language
 * the site publishes in that has stories gets its edition of the day just ended. */
export async function offlineTick(ctx: AppContext): Promise<EditionFiles[]> {
  const settings = await getSettings(ctx.db);
  const yesterday = addDays(localDay(ctx.clock.now(), settings.timeZone), -1);
  const languages = [settings.language, ...settings.languages.filter((l) => l !== settings.language)];
  const made: EditionFiles[] = [];
  for (const lang of languages) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) continue;
    const last = await lastMade(ctx, lang);
    if (last && last >= yesterday) continue;
    // a language with nothing published by the day's end gets no empty edition
    if (await publishedBefore(ctx.db, lang, dayBounds(yesterday, settings.timeZone).to)) made.push(await buildEdition(ctx, lang, yesterday));
    await noteMade(ctx, lang, yesterday);
  }
  return made;
}

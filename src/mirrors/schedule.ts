// When mirrors are brought up to date: a change readers can see marks the copy out of date (in the database, so
// whichever instance holds the job's lease sees it); the mirrors job exports and pushes once nothing has changed
// for DEBOUNCE_MS (a burst of edits is one push), and at least every EXPORT_EVERY_MS; mirrors that failed are
// tried again after RETRY_MS; every CHECK_EVERY_MS each mirror's manifest is read back, and every DEEP_EVERY_MS
// every file of it. The export itself needs the web app (static_export.ts renders the real pages): the process
// that serves the site hands it over with setSiteExporter.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import type { KhabarEvents } from '../events.ts';
import { iso } from '../clock.ts';
import { checkMirrors, pushMirrors } from './mirrors.ts';
import { SIGNED_MANIFEST, sha256Hex } from './signed_manifest.ts';

export const DEBOUNCE_MS = 20_000;
export const EXPORT_EVERY_MS = 60 * 60_000;
export const RETRY_MS = 5 * 60_000;
export const CHECK_EVERY_MS = 10 * 60_000;
export const DEEP_EVERY_MS = 6 * 60 * 60_000;

type Exporter = (dir: string) => Promise<unknown>;
const exporters = new WeakMap<AppContext, Exporter>();

/** The serving process's way to write the static copy (src/services.ts). */
export function setSiteExporter(ctx: AppContext, exporter: Exporter): void {
  exporters.set(ctx, exporter);
}

export const copyDir = (ctx: AppContext) => join(ctx.config.dataDir, 'mirrors', 'copy');

// mirrors.changed too: the copies' footers list the mirrors readers can turn to
const CHANGES: (keyof KhabarEvents)[] = ['article.changed', 'article.published', 'settings.changed', 'section.changed', 'content.changed', 'front.changed', 'breaking.changed', 'ads.changed', 'comment.changed', 'mirrors.changed'];

async function readState(ctx: AppContext, key: string): Promise<string | null> {
  return (await ctx.db.selectFrom('mirror_settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
}

async function writeState(ctx: AppContext, key: string, value: string): Promise<void> {
  await ctx.db.insertInto('mirror_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Asks the mirrors job to export and push at its next turn (the app's "Push now"). */
export async function requestPush(ctx: AppContext): Promise<void> {
  await writeState(ctx, 'push-requested', iso(ctx.clock.now()));
}

/** When the copy was last exported, or (`manifest`) the SHA-256 of its signed manifest; null before the first. */
export async function lastExport(ctx: AppContext, what: 'time' | 'manifest' = 'time'): Promise<string | null> {
  if (what === 'time') return readState(ctx, 'exported-at');
  const path = join(copyDir(ctx), SIGNED_MANIFEST);
  return existsSync(path) ? sha256Hex(readFileSync(path)) : null;
}

/** Marks the copy out of date on every change readers can see; returns the unsubscriber. */
export function watchForChanges(ctx: AppContext): () => void {
  const mark = () => writeState(ctx, 'changed-at', iso(ctx.clock.now()));
  const offs = CHANGES.map((e) => ctx.events.on(e, mark));
  return () => {
    for (const off of offs) off();
  };
}

const since = (now: number, at: string | null) => (at ? now - Date.parse(at) : Infinity);

export interface MirrorTick {
  exported: boolean;
  pushed: number[];
  checked: number[];
}

/** One turn of the mirrors job (src/jobs/runner.ts). */
export async function mirrorTick(ctx: AppContext): Promise<MirrorTick> {
  const out: MirrorTick = { exported: false, pushed: [], checked: [] };
  const mirrors = await ctx.db.selectFrom('mirrors').select(['id', 'status', 'last_push_at']).execute();
  const exporter = exporters.get(ctx);
  if (!mirrors.length || !exporter) return out;
  const now = ctx.clock.now().getTime();
  const [changedAt, exportedAt, checkedAt, deepAt, requested] = await Promise.all(['changed-at', 'exported-at', 'checked-at', 'deep-checked-at', 'push-requested'].map((k) => readState(ctx, k)));
  const changed = !!changedAt && (!exportedAt || Date.parse(changedAt) >= Date.parse(exportedAt));
  const retry = mirrors.some((m) => (m.status === 'new' || m.status === 'failing' || m.status === 'changed') && since(now, m.last_push_at) >= RETRY_MS);
  const dir = copyDir(ctx);
  const asked = !!requested && (!exportedAt || Date.parse(requested) >= Date.parse(exportedAt));
  if ((changed && since(now, changedAt) >= DEBOUNCE_MS) || since(now, exportedAt) >= EXPORT_EVERY_MS || retry || asked) {
    // the time is taken before the export: a change made while it runs marks the copy out of date again
    const started = iso(ctx.clock.now());
    await exporter(dir);
    await writeState(ctx, 'exported-at', started);
    out.exported = true;
    const results = await pushMirrors(ctx, dir);
    out.pushed = Object.keys(results).map(Number);
    return out;
  }
  if (since(now, checkedAt) >= CHECK_EVERY_MS) {
    const deep = since(now, deepAt) >= DEEP_EVERY_MS;
    const latest = await lastExport(ctx, 'manifest');
    out.checked = Object.keys(await checkMirrors(ctx, latest, { deep })).map(Number);
    await writeState(ctx, 'checked-at', iso(ctx.clock.now()));
    if (deep) await writeState(ctx, 'deep-checked-at', iso(ctx.clock.now()));
  }
  return out;
}

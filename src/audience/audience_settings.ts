// The newsroom's choices about its figures: whether readers see a "Most read" list and over which period (the last
// 24 hours or 7 days), how many stories it lists, and which other sites are partners (their readers are grouped as
// "partner sites and mirrors"; the site's own mirrors always are).
import type { AppContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { bareHost } from './referrers.ts';

export const MOST_READ_PERIODS = ['off', '24h', '7d'] as const;
export type MostReadPeriod = (typeof MOST_READ_PERIODS)[number];

export interface AudienceSettings {
  mostRead: MostReadPeriod;
  mostReadCount: number;
  /** host names, e.g. partner.example */
  partners: string[];
}

export const DEFAULT_AUDIENCE_SETTINGS: AudienceSettings = { mostRead: '24h', mostReadCount: 5, partners: [] };
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export async function getAudienceSettings(ctx: AppContext): Promise<AudienceSettings> {
  const rows = await ctx.db.selectFrom('audience_settings').selectAll().execute();
  const out: AudienceSettings = { ...DEFAULT_AUDIENCE_SETTINGS };
  for (const r of rows) {
    if (r.key in out) (out as unknown as Record<string, unknown>)[r.key] = JSON.parse(r.value);
  }
  return out;
}

/** The partner hosts, bare. */
export async function partnerHosts(ctx: AppContext): Promise<string[]> {
  return (await getAudienceSettings(ctx)).partners;
}

/** Changes some of the settings; every bad value is refused naming its field. */
export async function updateAudienceSettings(ctx: AppContext, patch: Partial<AudienceSettings>): Promise<AudienceSettings> {
  const clean: Partial<AudienceSettings> = {};
  if (patch.mostRead !== undefined) {
    if (!MOST_READ_PERIODS.includes(patch.mostRead)) throw new ValidationError('mostRead', `Choose one of ${MOST_READ_PERIODS.join(', ')}.`);
    clean.mostRead = patch.mostRead;
  }
  if (patch.mostReadCount !== undefined) {
    if (!Number.isInteger(patch.mostReadCount) || patch.mostReadCount < 3 || patch.mostReadCount > 10) throw new ValidationError('mostReadCount', 'List 3 to 10 stories.');
    clean.mostReadCount = patch.mostReadCount;
  }
  if (patch.partners !== undefined) {
    const hosts = patch.partners.map((p) => bareHost(p.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, ''))).filter(Boolean);
    const bad = hosts.find((h) => !HOST.test(h));
    if (bad !== undefined) throw new ValidationError('partners', `"${bad}" is not a site's host name, such as partner.example.`);
    if (hosts.length > 100) throw new ValidationError('partners', 'List at most 100 partner sites.');
    clean.partners = [...new Set(hosts)];
  }
  for (const [key, value] of Object.entries(clean)) {
    await ctx.db.insertInto('audience_settings').values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })).execute();
  }
  return getAudienceSettings(ctx);
}

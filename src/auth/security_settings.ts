// Newsroom-wide security settings, kept apart from the site settings: only an owner changes them.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import { ValidationError } from '../errors.ts';

export interface SecuritySettings {
  /** every staff member must use two-factor authentication */
  requireTwoFactor: boolean;
}

const DEFAULTS: SecuritySettings = { requireTwoFactor: false };

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const rows = await db.selectFrom('auth_settings').selectAll().execute();
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const r of rows) if (r.key in DEFAULTS) out[r.key] = JSON.parse(r.value);
  return out as unknown as SecuritySettings;
}

export async function updateSecuritySettings(ctx: AppContext, patch: Partial<SecuritySettings>): Promise<SecuritySettings> {
  for (const [k, v] of Object.entries(patch)) {
    if (!(k in DEFAULTS)) throw new ValidationError(k, `${k} is not a security setting`);
    if (typeof v !== 'boolean') throw new ValidationError(k, `${k} must be true or false`);
  }
  for (const [key, v] of Object.entries(patch)) {
    const value = JSON.stringify(v);
    await ctx.db.insertInto('auth_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
  return getSecuritySettings(ctx.db);
}

// The first start: with no owner yet, the server prints a one-time setup link; opening it creates the owner.
import type { AppContext } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { audit } from './audit.ts';
import { consumeLink, createLink, releaseLink, voidLinks } from './links.ts';
import { checkNewPassword } from './passwords.ts';
import { checkEmail, countActiveOwners, createUser } from './users.ts';
import { requiredText } from '../content/fields.ts';

export async function hasOwner(ctx: AppContext): Promise<boolean> {
  const r = await ctx.db.selectFrom('users').select('id').where('role', '=', 'owner').limit(1).executeTakeFirst();
  return !!r;
}

/** A fresh setup link when the newsroom has no owner (earlier links stop working), else null. */
export async function setupLink(ctx: AppContext, origin?: string): Promise<string | null> {
  if (await hasOwner(ctx)) return null;
  await voidLinks(ctx, 'setup');
  return (await createLink(ctx, { kind: 'setup', origin })).url;
}

/** For `serve`: the notice to print when there is no owner yet, with a fresh setup link at `origin` (e.g. the
 * address actually listened on; default the configured public address), else null. */
export async function setupNotice(ctx: AppContext, origin?: string): Promise<string | null> {
  const url = await setupLink(ctx, origin);
  if (!url) return null;
  return `No owner yet. To create the owner account, open this one-time link in a browser within 24 hours:\n  ${url}\n`
    + `It works once; restarting the server prints a new one. Afterwards, sign in at ${origin ?? ctx.config.publicUrl}/admin`;
}

export interface OwnerInput {
  token: unknown;
  name: unknown;
  email: unknown;
  password: unknown;
}

/** Creates the owner from a setup link (which then never works again); returns the new user's id. */
export async function completeSetup(ctx: AppContext, input: OwnerInput, ip = ''): Promise<number> {
  const name = requiredText('name', input.name, 100);
  const email = checkEmail(input.email);
  checkNewPassword(input.password, 'password', [name, email.split('@')[0]]);
  const link = await consumeLink(ctx, 'setup', input.token);
  try {
    if (await countActiveOwners(ctx.db)) throw new ConflictError('This newsroom already has an owner');
    const id = await createUser(ctx, { name, email, password: input.password as string, role: 'owner' });
    await audit(ctx, { actorId: id, action: 'setup', subject: `user:${id}`, ip });
    return id;
  } catch (err) {
    if (!(err instanceof ConflictError && !err.field)) await releaseLink(ctx, link.id);
    throw err;
  }
}

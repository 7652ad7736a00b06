// Where a push may go. A subscription's endpoint comes from a reader's browser, so the server must not be made to
// post to its own network: it must be https to a public address (after DNS resolution, checked again before each
// alert), unless KHABAR_PUSH_ALLOW names the address (tests' loopback push service), which may then be plain http.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AppContext } from '../context.ts';
import { AddressRule } from '../syndication/addresses.ts';

const publicOnly = new AddressRule([]);
const rules = new WeakMap<AppContext, AddressRule>();

/** Public addresses plus those KHABAR_PUSH_ALLOW names. */
function ruleOf(ctx: AppContext): AddressRule {
  let r = rules.get(ctx);
  if (!r) {
    r = new AddressRule(ctx.config.pushAllow);
    rules.set(ctx, r);
  }
  return r;
}

/** Why an endpoint is refused, or null when a push may go there. */
export async function endpointProblem(ctx: AppContext, endpoint: string): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(endpoint);
  } catch {
    return 'endpoint must be an address';
  }
  if (u.username || u.password || u.hash) return 'endpoint must not carry a user name, password or fragment';
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'endpoint must be an https address';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return 'endpoint names a host that cannot be found';
  }
  if (!addresses.length) return 'endpoint names a host that cannot be found';
  const allowed = ctx.config.pushAllow.length > 0 && addresses.every((a) => isAllowedPrivate(ctx, a));
  if (allowed) return null;
  if (u.protocol !== 'https:') return 'endpoint must be an https address';
  if (!addresses.every((a) => ruleOf(ctx).permits(a))) return 'endpoint must point to a public address';
  return null;
}

/** True when the address is in KHABAR_PUSH_ALLOW (a public address is not "allowed private"). */
function isAllowedPrivate(ctx: AppContext, address: string): boolean {
  return !publicOnly.permits(address) && ruleOf(ctx).permits(address);
}

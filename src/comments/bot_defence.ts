// The proof of work that any public form asks of its sender (a comment, a newsletter signup), with a cost that
// follows the pressure: challenges asked for lately by the address, its network, the target (an article, a list)
// and the whole site, and what the address and its network sent in the last hour. On a quiet day a reader's phone
// does about 10,000 SHA-256 hashes (well under a second); an address or network asking for challenges as fast as
// a script can pays the square of its excess, a burst from one network eight times more for each challenge past
// four a minute, and a sender past eight comments an hour twice more for each, up to 65,536 times the base; a surge
// on one article or site-wide raises everyone's cost a little (at most 4 times), so readers stay under two seconds
// while a flood pays by orders of magnitude. Pressure falls back as its windows pass.
// Each challenge is signed with what it was asked for (purpose, target) and spent once.
// docs/bot-defence.md explains the numbers.
import type { Challenge } from 'altcha-lib';
import type { AppContext } from '../context.ts';
import { KhabarError } from '../errors.ts';
import { networkOf, normalizeIp } from './network.ts';
import { pressureStore, type PressureKey } from './pressure.ts';
import { checkCommentPow, createCommentChallenge, spendCommentPow, type PowCheck } from './pow.ts';

/** What the proof is for: each form asks for its own, so a proof made for one is refused by another. */
export type ProofPurpose = 'comment' | 'newsletter';

/** Who asks for a proof, for what: the sender's address and the target ("article:12", "list:weekly"; '' when the
 *  form did not say, which a proof for any target of the purpose then serves, without the target's pressure). */
export interface ProofAsker {
  purpose: ProofPurpose;
  ip: string;
  target: string;
}

/** The base cost a newsroom sets (comment settings): SHA-256 iterations per counter and the hex prefix to reach. */
export interface ProofCost {
  powCost: number;
  powPrefix: string;
  challengeTtlSeconds: number;
  /** false: the fixed base cost whatever the pressure (as before the cost adapted) */
  powAdaptive: boolean;
}

/**
 * The hash rate assumed for a mid-range phone in the widget's Web Worker (SHA-256 through WebCrypto, one call per
 * hash): the estimate shown to the reader and the bench's readers' waits. docs/bot-defence.md says why.
 */
export const PHONE_HASHES_PER_SECOND = 100_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** How much each scope may do before its cost rises, in its window, and how fast it rises past that. */
export const PRESSURE = {
  /** challenges one address asked for: the square of its excess */
  address: { windowMs: 10 * MINUTE, free: 6 },
  /** challenges one network asked for: the square of its excess */
  network: { windowMs: 10 * MINUTE, free: 20 },
  /** challenges one network asked for within a minute: each one past the free ones costs `step` times the last,
   *  so a burst from one network (a fleet on one provider) is priced out within seconds */
  burst: { windowMs: MINUTE, free: 4, step: 8 },
  /** comments and signups one address sent in the last hour: each one past the free ones doubles the cost */
  sent: { windowMs: HOUR, free: 8, step: 2 },
  /** comments and signups one network sent in the last hour, the same way */
  sentNetwork: { windowMs: HOUR, free: 20, step: 2 },
  /** a busy article and a busy site raise everyone's cost, gently and at most `most` times each */
  target: { windowMs: MINUTE, free: 10, most: 2 },
  site: { windowMs: MINUTE, free: 60, most: 2 },
  /** the most the cost is ever multiplied by (four more hex digits of prefix) */
  most: 65_536,
} as const;

/** The pressure counted for one ask: challenges asked for in each scope's window (this one included), and what
 *  the asker's address and network sent lately (the sender's recent history). */
export interface Pressure {
  address: number;
  network: number;
  burst: number;
  sent: number;
  sentNetwork: number;
  target: number;
  site: number;
}

/** How many times the base cost a proof costs under this pressure. One sender's (an address's or a network's)
 *  excess is squared: asking 10 times too often costs 100 times more each. A burst from one network and a sender
 *  who already sent many comments this hour pay steeply more for each one past their free ones (times 8, times 2).
 *  A busy article or site raises it gently and within bounds, since readers share that pressure with the flood. */
export function workFactor(p: Pressure): number {
  const square = (n: number, free: number) => (n > free ? (n / free) ** 2 : 1);
  const steep = (n: number, s: { free: number; step: number }) => (n > s.free ? Math.min(PRESSURE.most, s.step ** (n - s.free)) : 1);
  const gentle = (n: number, s: { free: number; most: number }) => Math.min(s.most, Math.max(1, n / s.free));
  const sender = Math.max(square(p.address, PRESSURE.address.free), square(p.network, PRESSURE.network.free),
    steep(p.burst, PRESSURE.burst), steep(p.sent, PRESSURE.sent), steep(p.sentNetwork, PRESSURE.sentNetwork));
  const crowd = gentle(p.target, PRESSURE.target) * gentle(p.site, PRESSURE.site);
  return Math.min(PRESSURE.most, sender * crowd);
}

/** The cost and prefix that make `factor` times the base work: whole hex digits of prefix (16 times each), the
 *  rest in iterations, so the server's one check of a solution costs at most 16 times the base iterations. */
export function scaledCost(base: Pick<ProofCost, 'powCost' | 'powPrefix'>, factor: number): { powCost: number; powPrefix: string; hashes: number } {
  const digits = Math.min(8 - base.powPrefix.length, Math.floor(Math.log(Math.max(1, factor)) / Math.log(16) + 1e-9));
  const powCost = Math.max(1, Math.round(base.powCost * (factor / 16 ** digits)));
  const powPrefix = base.powPrefix + '0'.repeat(Math.max(0, digits));
  return { powCost, powPrefix, hashes: powCost * 16 ** powPrefix.length };
}

/** The asker's address and network as counted: an IPv6 host usually holds a /64 (one address here), its network
 *  the /48 around it; IPv4 addresses one by one, networks by /24. */
function senderOf(rawIp: string): { address: string; network: string } {
  const ip = normalizeIp(rawIp);
  const net = networkOf(ip);
  const v6 = net.includes(':');
  return { address: v6 ? net : ip, network: v6 ? `${net.split(':').slice(0, 3).join(':')}::/48` : net };
}

function scopesOf(a: ProofAsker): PressureKey[] {
  const { address, network } = senderOf(a.ip);
  return [
    { name: `address:${address}`, windowMs: PRESSURE.address.windowMs },
    { name: `network:${network}`, windowMs: PRESSURE.network.windowMs },
    { name: `burst:${network}`, windowMs: PRESSURE.burst.windowMs },
    { name: `target:${a.purpose}:${a.target || '*'}`, windowMs: PRESSURE.target.windowMs },
    { name: 'site', windowMs: PRESSURE.site.windowMs },
  ];
}

function historyOf(ip: string): PressureKey[] {
  const { address, network } = senderOf(ip);
  return [
    { name: `sent:${address}`, windowMs: PRESSURE.sent.windowMs },
    { name: `sent-network:${network}`, windowMs: PRESSURE.sentNetwork.windowMs },
  ];
}

/** Counts a comment or signup accepted from this address in its sender's history: the next challenges it and its
 *  network ask for cost more once they sent more than their free ones this hour. */
export async function recordSent(ctx: AppContext, ip: string): Promise<void> {
  await pressureStore(ctx).hit(historyOf(ip), ctx.clock.now().getTime());
}

async function pressureOf(ctx: AppContext, asker: ProofAsker, count: boolean): Promise<Pressure> {
  const store = pressureStore(ctx);
  const now = ctx.clock.now().getTime();
  const [[address, network, burst, target, site], [sent, sentNetwork]] = await Promise.all([
    count ? store.hit(scopesOf(asker), now) : store.peek(scopesOf(asker), now),
    store.peek(historyOf(asker.ip), now),
  ]);
  return { address, network, burst, sent, sentNetwork, target, site };
}

/** A proof-of-work challenge for the asker, costed by the pressure, counted in it; `data.ms` is the expected
 *  solving time on a mid-range phone, for the form to show. Never cache the answer: each is single-use. */
export async function issueProofChallenge(ctx: AppContext, cost: ProofCost, asker: ProofAsker): Promise<Challenge> {
  const p = await pressureOf(ctx, asker, true);
  // A challenge for no target in particular pays the busiest target's share: it may be spent on any.
  const target = asker.target ? p.target : Math.max(p.target, PRESSURE.target.free * PRESSURE.target.most);
  const factor = cost.powAdaptive ? workFactor({ ...p, target }) : 1;
  const scaled = scaledCost(cost, factor);
  return createCommentChallenge(ctx, { ...cost, ...scaled }, {
    p: asker.purpose, t: asker.target, ms: Math.round((scaled.hashes / PHONE_HASHES_PER_SECOND) * 1000),
  });
}

/** The pressure the asker is under now, without counting an ask (for the moderation screen and tests). */
export async function currentPressure(ctx: AppContext, asker: ProofAsker): Promise<Pressure> {
  return pressureOf(ctx, asker, false);
}

/** Checks a proof's signature, solution and expiry, and that it was made for this purpose and target (not yet
 *  whether it was spent). It is not bound to the sender's network: the pressure is counted on whoever asked for
 *  the challenge, so an address that fetches cheap challenges for others becomes a pressured address itself. */
export async function checkProof(ctx: AppContext, payload: string | undefined, asker: ProofAsker): Promise<PowCheck> {
  const check = await checkCommentPow(ctx, payload);
  if (check.state !== 'ok') return check;
  const d = check.data;
  if (d.p !== asker.purpose || (d.t !== '' && d.t !== asker.target)) {
    return { state: 'invalid', issuedAt: null, challengeId: null, expiresAt: null, data: {} };
  }
  return check;
}

/** Why a proof was refused, for the sender (each form words it in its own language from `reason`). */
export class ProofRefusedError extends KhabarError {
  constructor(public readonly reason: 'missing' | 'invalid' | 'expired' | 'spent') {
    super(403, `proof_${reason}`, {
      missing: 'This form checks that it is not sent by a bot, and that check did not run: it needs JavaScript. Please turn JavaScript on and send again.',
      invalid: 'The check that this form is not sent by a bot failed. Please send again.',
      expired: 'The check that this form is not sent by a bot has expired. Please send again.',
      spent: 'This check was already used. Please send again: a new one starts by itself.',
    }[reason]);
  }
}

/** The one call a form makes before it accepts anything: a valid, unspent proof made for it, spent now, or a
 *  ProofRefusedError (403). Comments go through the same checks in their phases (post.ts). */
export async function requireProof(ctx: AppContext, payload: string | undefined, asker: ProofAsker): Promise<void> {
  const check = await checkProof(ctx, payload, asker);
  if (check.state !== 'ok' || !check.challengeId || !check.expiresAt) throw new ProofRefusedError(check.state === 'ok' ? 'invalid' : check.state);
  if (!(await spendCommentPow(ctx, check.challengeId, check.expiresAt))) throw new ProofRefusedError('spent');
  await recordSent(ctx, asker.ip);
}

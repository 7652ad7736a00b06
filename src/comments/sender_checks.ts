// The comment form's sender checks, for other reader forms that take the same defence with the same settings (the
// newsletter sign-up): whether the sender is blocked, and how often the address and network tried lately.
import type { Db } from '../db/schema.ts';
import type { CommentBlockKind } from './tables.ts';
import { countHits, recordAttempt, type Sender } from './facts.ts';
import { networkOf, normalizeIp } from './network.ts';

export interface SenderStanding {
  sender: Sender;
  blocked: CommentBlockKind | null;
  ipTenMinutes: number;
  ipHour: number;
  networkHour: number;
  /** attempts under this form's own key (e.g. one email address) in the last hour */
  keyHour: number;
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/** Reads the sender's blocks and recent attempts, then counts this attempt (under `key` too). */
export async function checkSender(db: Db, args: { ip: string; email: string; key: string; now: Date }): Promise<SenderStanding> {
  const ip = normalizeIp(args.ip);
  const sender = { ip, network: networkOf(ip) };
  const { now } = args;
  const [ipTenMinutes, ipHour, networkHour, keyHour, blocks] = await Promise.all([
    countHits(db, `ip:${ip}`, ago(now, 10 * 60_000)),
    countHits(db, `ip:${ip}`, ago(now, 3600_000)),
    countHits(db, `net:${sender.network}`, ago(now, 3600_000)),
    countHits(db, args.key, ago(now, 3600_000)),
    db.selectFrom('comment_blocks').select('kind').where((eb) => eb.or([
      eb.and([eb('kind', '=', 'email'), eb('value', '=', args.email)]),
      eb.and([eb('kind', '=', 'ip'), eb('value', '=', ip)]),
      eb.and([eb('kind', '=', 'network'), eb('value', '=', sender.network)]),
    ])).execute(),
  ]);
  await recordAttempt(db, sender, now);
  await db.insertInto('comment_rate_hits').values({ key: args.key, created_at: now.toISOString() }).execute();
  const blocked = (['email', 'ip', 'network'] as const).find((k) => blocks.some((b) => b.kind === k)) ?? null;
  return { sender, blocked, ipTenMinutes, ipHour, networkHour, keyHour };
}

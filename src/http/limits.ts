// Request-rate limits, one table for the whole app (enforced by @fastify/rate-limit before anything else runs,
// counted per client address; shared by every instance through Redis when REDIS_URL is set). Comment posting
// and sign-in have their own finer limits in the database (per person, per network, growing delays); these are
// the outer walls.
export const LIMITS = {
  /** Readers reporting comments: each may report a comment once; this caps one address's reports. */
  commentReport: { max: 30, timeWindow: 10 * 60_000 },
  /** Asking for password-reset emails (each account also gets at most one per five minutes). */
  passwordResetRequest: { max: 5, timeWindow: 15 * 60_000 },
  /** The read-only Content API, for apps and partners. */
  contentApi: { max: 600, timeWindow: 60_000 },
  /** Aggregators' full-text feeds: a partner pulls every few minutes; key guessing gets no further than this. */
  syndicationFeed: { max: 60, timeWindow: 60_000 },
  /** Readers turning push alerts on or off: a few times from one address, not a flood of made-up subscriptions. */
  pushSubscribe: { max: 20, timeWindow: 10 * 60_000 },
} as const;

/** Route `config` that applies the named limit. */
export function limit(name: keyof typeof LIMITS): { rateLimit: (typeof LIMITS)[keyof typeof LIMITS] } {
  return { rateLimit: LIMITS[name] };
}

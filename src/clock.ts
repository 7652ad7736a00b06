// The one source of "now". Tests pass a ManualClock so schedules and expiries are deterministic.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-11-25T09:00:00.000Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** ISO 8601 UTC string: the one timestamp format stored in both databases (sorts as text). */
export function iso(d: Date): string {
  return d.toISOString();
}

// The log that domains and jobs write to when something goes wrong away from a request (a letter that could not
// be sent, a file the media store could not read). One JSON line on stderr, in the same shape as the web layer's
// log lines (pino's: level, time, msg), filtered by LOG_LEVEL. Details name what failed; never a secret.
import type { LogLevel } from './config.ts';

export interface Log {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const LEVELS: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** A log writing JSON lines to `out` (stderr) at `level` and above. */
export function jsonLog(level: LogLevel, out: { write(line: string): unknown } = process.stderr): Log {
  const line = (n: number, msg: string, details?: Record<string, unknown>) => {
    if (n < LEVELS[level]) return;
    out.write(`${JSON.stringify({ level: n, time: Date.now(), ...details, msg })}\n`);
  };
  return {
    warn: (msg, details) => line(LEVELS.warn, msg, details),
    error: (msg, details) => line(LEVELS.error, msg, details),
  };
}

/** What may be logged of an error: its class, code and message, never its whole object (it may carry a request). */
export function errorDetails(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { err: String(err) };
  const code = (err as { code?: unknown }).code;
  return { err: { type: err.name, message: err.message, ...(code !== undefined ? { code } : {}) } };
}

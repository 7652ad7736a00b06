// Packages that only some newsrooms, or only some moments, need load at their first use rather than at start:
// sharp (image uploads, the pictures' variants), sanitize-html (the first article body saved), argon2 (the first
// password checked), pg (a PostgreSQL newsroom), ioredis (a Redis URL), nodemailer (an SMTP URL). A SQLite
// newsroom serving pages never holds them in memory.
import { createRequire } from 'node:module';

const requirePackage = createRequire(import.meta.url);

/** The named package, loaded on the first call (Node keeps it after that; a failed load is tried again). */
export function loadPackage<T>(name: string): T {
  return requirePackage(name) as T;
}

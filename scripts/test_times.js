// A node:test reporter for scripts/test.ts: one JSON line per top-level test (its file and seconds) and one with
// node's own totals, so the run can end with the slowest files and a closing line CI reads. Lines are appended
// at once to the file KHABAR_TEST_TIMES names (a reporter's own stream loses its last lines to
// --test-force-exit). Plain JavaScript: node loads reporters before any TypeScript loader is registered.
import { appendFileSync } from 'node:fs';

const TOTALS = new Set(['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo']);

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* times(source) {
  const file = process.env.KHABAR_TEST_TIMES;
  /** @param {object} row */
  const write = (row) => { if (file) appendFileSync(file, `${JSON.stringify(row)}\n`); };
  /** @type {Record<string, number>} */
  const totals = {};
  for await (const event of source) {
    if (event.type === 'test:pass' || event.type === 'test:fail') {
      const d = event.data;
      if (d.nesting === 0) write({ file: d.file ?? d.name, seconds: (d.details?.duration_ms ?? 0) / 1000, failed: event.type === 'test:fail' });
    } else if (event.type === 'test:diagnostic') {
      // node's summary arrives as diagnostics such as "pass 12" once every file has ended.
      const m = /^(\w+) (\d+)$/.exec(String(event.data.message));
      if (m && TOTALS.has(m[1])) {
        totals[m[1]] = Number(m[2]);
        write({ totals });
      }
    }
  }
  yield '';
}

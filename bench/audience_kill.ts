// What a SIGKILL costs the audience figures: a `khabar serve` process on the demo newsroom is sent reader views at a
// steady pace for a while, then killed with SIGKILL right after its last answer; the views it wrote are counted in
// the database. Those lost are the ones heard since its last batch (batches every 5 seconds). No assertions.
//   node --import tsx bench/audience_kill.ts [--seconds 12] [--rate 40] [--entry built|tsx]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/index.ts';
import { ENTRIES, serve } from './khabar_process.ts';

export async function killBench(seconds: number, rate: number, entry: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-kill-'));
  const served = await serve(entry, { ...process.env, KHABAR_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', KHABAR_DEMO: '1' }, 300_000);
  try {
    const home = await (await fetch(`${served.base}/`, { headers: { 'user-agent': 'Mozilla/5.0 Firefox/133.0' } })).text();
    const path = /href="(\/articles\/[^"]+)"/.exec(home)?.[1];
    if (!path) throw new Error('no article on the demo front page');
    let sent = 1;
    const start = Date.now();
    let last = start;
    while (Date.now() - start < seconds * 1000) {
      const due = start + (sent * 1000) / rate;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const r = await fetch(`${served.base}${path}`, { headers: { 'user-agent': `Mozilla/5.0 (Reader ${sent % 200}) Firefox/133.0` } });
      await r.arrayBuffer();
      if (r.status === 200) sent++;
      last = Date.now();
    }
    process.kill(served.pid, 'SIGKILL');
    await served.stop().catch(() => undefined);
    const db = openDatabase(join(dir, 'khabar.sqlite'));
    const written = Number((await sql<{ n: number }>`select count(*) as n from audience_views where bot = 0`.execute(db.db)).rows[0].n);
    await db.close();
    const lost = sent - written;
    const actual = sent / ((last - start) / 1000);
    return `SIGKILL after ${((last - start) / 1000).toFixed(1)} s at ${actual.toFixed(1)} views/s (asked ${rate}): ${sent} views answered, ${written} written, ${lost} lost ` +
      `(${(lost / actual).toFixed(1)} s of views; batches every 5 s)   (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '12' }, rate: { type: 'string', default: '40' }, entry: { type: 'string', default: 'built' } } });
  console.log(await killBench(Number(values.seconds), Number(values.rate), ENTRIES[values.entry ?? 'built']));
}

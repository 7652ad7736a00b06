// Scale-out figures on this machine: requests/s and p99 of a cached article page from one instance asked directly
// vs three instances behind nginx (scripts/stack.ts); the time from an edit's acknowledgement until every instance
// serves the fresh page (the purge crossing Redis); and the PostgreSQL connections the stack holds (the most seen
// during each load, and after it) with each instance's pool at KHABAR_DB_POOL (--pool). Load comes from
// autocannon in this process (loopback). No assertions: read the figures. On a 2-core machine the three instances,
// nginx and the load generator share the same two cores, so expect little gain: what scales with cores (or
// machines) is rendering and compression, which each instance does on its own core.
//   TEST_DATABASE_URL=... TEST_REDIS_URL=... npx tsx bench/scale.ts [--seconds 10 --connections 20 --pool 10]
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { startStack } from '../scripts/stack.ts';
import { loadConfig } from '../src/config.ts';
import { createRuntime } from '../src/runtime.ts';
import { CHEAP_PASSWORD_COST } from '../src/auth/passwords.ts';
import { createUser } from '../src/auth/users.ts';
import { createArticle, publishArticle } from '../src/content/articles.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' }, pool: { type: 'string', default: '10' } } });
const autocannon = createRequire(import.meta.url)('autocannon') as (o: object) => Promise<{ requests: { average: number }; latency: { p99: number }; non2xx: number }>;
const PASSWORD = 'correct horse battery staple';

const seedDir = mkdtempSync(join(tmpdir(), 'khabar-bench-seed-'));
let slug = '';
let articleId = 0;
const stack = await startStack({
  env: { KHABAR_DB_POOL: values.pool },
  seed: async (databaseUrl) => {
    const rt = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, KHABAR_DATA_DIR: seedDir, KHABAR_DEMO: '0' }), { passwordCost: CHEAP_PASSWORD_COST });
    await createUser(rt.ctx, { email: 'editor@khabar.test', name: 'Mina Rahimi', password: PASSWORD, role: 'editor' });
    articleId = await createArticle(rt.ctx, { headline: 'Floods reach Kabul', bodyHtml: `<p>${'The river rose overnight. '.repeat(200)}</p>` }, { userId: null });
    await publishArticle(rt.ctx, articleId, { userId: null });
    slug = (await rt.ctx.db.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirstOrThrow()).slug;
    await rt.close();
  },
});
const admin = new pg.Client({ connectionString: stack.databaseUrl });
await admin.connect();
/** The instances' connections to this stack's database now (not this one). */
const connections = async () => (await admin.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).rows[0].n as number;
try {
  const path = `/articles/${slug}`;
  const run = async (url: string) => {
    let most = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, await connections());
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const r = await autocannon({ url, connections: Number(values.connections), duration: Number(values.seconds), headers: { 'accept-encoding': 'br, gzip' } });
    sampling = false;
    await sampler;
    return { rps: Math.round(r.requests.average), p99: r.latency.p99, non2xx: r.non2xx, most };
  };
  console.log(`cores: ${availableParallelism()}, load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${values.seconds} s at ${values.connections} connections each`);
  const one = await run(`http://127.0.0.1:${stack.instances[0].port}${path}`);
  const three = await run(`${stack.url}${path}`);
  console.log(`one instance, direct:        ${one.rps} req/s, p99 ${one.p99} ms, non-2xx ${one.non2xx}; PostgreSQL connections at most ${one.most}`);
  console.log(`three instances behind nginx: ${three.rps} req/s, p99 ${three.p99} ms, non-2xx ${three.non2xx}; PostgreSQL connections at most ${three.most}  (ratio ${(three.rps / one.rps).toFixed(2)})`);

  // Purge latency: every instance holds the page; an edit through nginx; poll each instance until it is fresh.
  const cookies = new Map<string, string>();
  const send = async (method: string, p: string, body?: unknown, csrf?: string) => {
    const res = await fetch(`${stack.url}${p}`, {
      method, body: body ? JSON.stringify(body) : undefined,
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: stack.url, ...(body ? { 'content-type': 'application/json' } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
    for (const c of res.headers.getSetCookie()) { const [pair] = c.split(';'); const i = pair.indexOf('='); cookies.set(pair.slice(0, i), pair.slice(i + 1)); }
    return res;
  };
  const csrf = (await (await send('GET', '/api/admin/csrf')).json()).token as string;
  await (await send('POST', '/api/admin/auth/login', { email: 'editor@khabar.test', password: PASSWORD }, csrf)).arrayBuffer();
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const inst of stack.instances) await (await fetch(`http://127.0.0.1:${inst.port}${path}`)).arrayBuffer();
    const headline = `Floods reach Kabul, update ${round}`;
    await (await send('PATCH', `/api/admin/articles/${articleId}`, { headline }, csrf)).arrayBuffer();
    const acked = performance.now();
    await Promise.all(stack.instances.map(async (inst) => {
      while (!(await (await fetch(`http://127.0.0.1:${inst.port}${path}`)).text()).includes(headline)) await new Promise((r) => setTimeout(r, 2));
      latencies.push(performance.now() - acked);
    }));
  }
  latencies.sort((a, b) => a - b);
  console.log(`purge reaching every instance after the edit's answer: median ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (${latencies.length} samples, incl. one fetch)`);

  console.log(`PostgreSQL connections held by the ${stack.instances.length} instances after the load: ${await connections()} (KHABAR_DB_POOL=${values.pool}: at most ${values.pool} each)`);
} finally {
  await admin.end();
  await stack.stop();
  rmSync(seedDir, { recursive: true, force: true });
}

// The drain on SIGTERM, on a listening instance: new connections are refused at once (nginx then tries the next
// instance), a request already running finishes, an idle keep-alive connection is not cut from this side but its
// next answer (a /readyz saying "draining") closes it, and the drain ends when the last connection has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { makeTestContext } from '../helpers/context.ts';
import { buildApp } from '../../src/app.ts';
import { drain } from '../../src/http/drain.ts';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    }).on('error', reject).end();
  });
}

test('a draining instance refuses new connections, finishes what it holds, and lets idle connections close from the other side', async () => {
  const t = await makeTestContext('sqlite');
  const app = await buildApp(t.ctx);
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let arrived!: () => void;
  const started = new Promise<void>((r) => { arrived = r; });
  app.get('/test/held', async () => {
    arrived();
    await held;
    return { done: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const idle = new Agent({ keepAlive: true, maxSockets: 1 });
  const busy = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    assert.equal((await get(port, '/readyz', idle)).status, 200);
    const slow = get(port, '/test/held', busy);
    await started;

    const drained = drain(app, 60_000);
    const refused = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve('connected'); }).once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    assert.equal(refused, 'ECONNREFUSED', 'a new connection is refused: nginx tries the next instance');

    // The idle keep-alive connection was left open: its next request is answered, with the connection closed after.
    const probe = await get(port, '/readyz', idle);
    assert.equal(probe.status, 503);
    assert.equal(JSON.parse(probe.body).status, 'draining');
    assert.equal(probe.connection, 'close');

    release();
    const finished = await slow;
    assert.equal(finished.status, 200, 'the request in flight finished');
    assert.deepEqual(JSON.parse(finished.body), { done: true });
    assert.equal(finished.connection, 'close');
    await drained;
    assert.equal(app.server.listening, false);
  } finally {
    idle.destroy();
    busy.destroy();
    await app.close();
    await t.close();
  }
});

// Stand-ins on the loopback for the Telegram Bot API and a Mastodon instance: they record every request, answer
// as the real ones do (message ids, status ids), and can be told to refuse the next request with a 429.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  answered: number;
}

export class FakeApi {
  private server!: Server;
  readonly calls: Call[] = [];
  /** answers to give before the normal ones, for requests whose path matches */
  private planned: { match: RegExp; status: number; body: unknown; headers?: Record<string, string> }[] = [];
  private nextId = 100;
  origin = '';

  constructor(private kind: 'telegram' | 'mastodon') {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        let body: Record<string, unknown> = {};
        try { body = JSON.parse(Buffer.concat(chunks).toString() || '{}'); } catch { /* recorded as {} */ }
        const i = this.planned.findIndex((p) => p.match.test(path));
        const planned = i >= 0 ? this.planned.splice(i, 1)[0] : null;
        const status = planned?.status ?? 200;
        this.calls.push({ method: req.method ?? '', path, headers: req.headers, body, answered: status });
        res.writeHead(status, { 'content-type': 'application/json', ...(planned?.headers ?? {}) });
        res.end(JSON.stringify(planned ? planned.body : this.answer(req.method ?? '', path)));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next request whose path matches gets this answer instead. */
  plan(match: RegExp, status: number, body: unknown, headers?: Record<string, string>): void {
    this.planned.push({ match, status, body, headers });
  }

  /** Requests that made a post (answered 200), by path pattern. */
  posted(match: RegExp): Call[] {
    return this.calls.filter((c) => c.answered === 200 && match.test(c.path) && c.method !== 'PUT' && !/\/edit/.test(c.path));
  }

  private answer(method: string, path: string): unknown {
    if (this.kind === 'telegram') {
      if (/\/edit/.test(path)) return { ok: true, result: { message_id: 0 } };
      return { ok: true, result: { message_id: this.nextId++ } };
    }
    if (method === 'PUT') return { id: path.split('/').pop() };
    return { id: String(this.nextId++) };
  }
}

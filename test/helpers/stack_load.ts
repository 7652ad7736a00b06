// A bounded mixed load on the stack through nginx, as the scale tests drive it: readers going round the pages,
// and comment posters fetching and solving real challenges. Every request's start, end and answer (or that the
// connection failed) is kept, so a test can say which failures fall inside a fault's window and which do not.
import { performance } from 'node:perf_hooks';
import type { Challenge } from 'altcha-lib';
import { solve } from '../comments/fixtures.ts';

/** A fetch client with cookies, as a browser through nginx. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: this.base, ...headers };
    let payload: string | undefined;
    if (body instanceof URLSearchParams) {
      payload = body.toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
}

export interface Outcome {
  what: string;
  /** performance.now() when it was sent and when its answer had fully arrived (or the connection failed) */
  start: number;
  end: number;
  /** null: the connection failed or the answer broke off */
  status: number | null;
}

export interface LoadPlan {
  /** nginx's address */
  url: string;
  /** the pages readers go round */
  pages: string[];
  /** articles the posters comment on */
  articleIds: number[];
  readers: number;
  posters: number;
  /** each reader waits this long between its requests (0: none) */
  pauseMs?: number;
}

/** Readers and posters running until stop(); what happened to each request is in `outcomes`. */
export class Load {
  readonly outcomes: Outcome[] = [];
  /** comments the site answered 200 to */
  readonly acknowledged: string[] = [];
  private stopping = false;
  private readonly workers: Promise<void>[];
  /** tells this load's comments from an earlier one's (the site refuses a comment posted twice) */
  private readonly mark = Math.random().toString(36).slice(2, 8);

  constructor(private plan: LoadPlan) {
    this.workers = [...Array.from({ length: plan.readers }, (_, n) => this.reader(n)), ...Array.from({ length: plan.posters }, (_, n) => this.poster(n))];
  }

  /** Resolves once `n` more requests than now have ended. */
  async more(n: number): Promise<void> {
    const until = this.outcomes.length + n;
    while (this.outcomes.length < until) await new Promise((r) => setTimeout(r, 20));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
  }

  /** Requests whose answer was not what `ok` accepts (a failed connection never is). */
  failures(ok: (status: number) => boolean): Outcome[] {
    return this.outcomes.filter((o) => o.status === null || !ok(o.status));
  }

  private async counted(what: string, run: () => Promise<Response>): Promise<{ status: number; body: string } | null> {
    const start = performance.now();
    let status: number | null = null;
    let body = '';
    try {
      const r = await run();
      body = await r.text();
      status = r.status;
    } catch {
      // the connection failed or broke off: status stays null
    }
    this.outcomes.push({ what, start, end: performance.now(), status });
    return status === null ? null : { status, body };
  }

  private async reader(n: number): Promise<void> {
    const { url, pages } = this.plan;
    for (let i = 0; !this.stopping; i++) {
      const page = pages[(n + i) % pages.length];
      await this.counted(`GET ${page}`, () => fetch(`${url}${page}`, { redirect: 'manual' }));
      if (this.plan.pauseMs) await new Promise((r) => setTimeout(r, this.plan.pauseMs));
    }
  }

  private async poster(n: number): Promise<void> {
    const c = new Client(this.plan.url);
    const ids = this.plan.articleIds;
    for (let i = 0; !this.stopping; i++) {
      const ch = await this.counted('GET /comments/challenge', () => c.send('GET', '/comments/challenge'));
      if (ch?.status !== 200) continue;
      const altcha = await solve(JSON.parse(ch.body) as Challenge);
      const comment = `Reader ${n} writes comment number ${i} (${this.mark}).`;
      const form = new URLSearchParams({ article_id: String(ids[i % ids.length]), name: `Reader ${n}`, comment, altcha });
      const r = await this.counted('POST /comments', () => c.send('POST', '/comments', form, { accept: 'application/json' }));
      if (r?.status === 200) this.acknowledged.push(comment);
    }
  }
}

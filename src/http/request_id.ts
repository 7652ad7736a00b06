// The request id in every log line of a request (pino's JSON `reqId`, Fastify's default label) and in the X-Request-Id answer header, so
// one request can be followed from nginx's log to the instance's. Behind a trusted proxy the proxy's id is kept
// (nginx passes its $request_id); otherwise, or when the header is not a plain token, a fresh one is made: a
// client could otherwise write what it likes into the logs.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// A random prefix per process and a counter: unique across instances and restarts as a UUID would be, without
// drawing 16 random bytes for every request.
const PREFIX = randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x');
let counter = 0;

/** A fresh request id: this process's prefix and its count of requests (e.g. "q3Zt0bXa1LmN-2f9"). */
export function newRequestId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${PREFIX}-${counter.toString(36)}`;
}

/** Fastify options for the request id: taken from X-Request-Id only when `trustProxy`. */
export function requestId(trustProxy: boolean): { requestIdHeader: false; genReqId: (req: IncomingMessage) => string } {
  return {
    requestIdHeader: false,
    genReqId(req) {
      const given = req.headers['x-request-id'];
      return trustProxy && typeof given === 'string' && PLAIN_ID.test(given) ? given : newRequestId();
    },
  };
}

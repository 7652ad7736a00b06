// The request id in every log line of a request (pino's JSON `reqId`, Fastify's default label) and in the X-Request-Id answer header, so
// one request can be followed from nginx's log to the instance's. Behind a trusted proxy the proxy's id is kept
// (nginx passes its $request_id); otherwise, or when the header is not a plain token, a fresh one is made: a
// client could otherwise write what it likes into the logs.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify options for the request id: taken from X-Request-Id only when `trustProxy`. */
export function requestId(trustProxy: boolean): { requestIdHeader: false; genReqId: (req: IncomingMessage) => string } {
  return {
    requestIdHeader: false,
    genReqId(req) {
      const given = req.headers['x-request-id'];
      return trustProxy && typeof given === 'string' && PLAIN_ID.test(given) ? given : randomUUID();
    },
  };
}

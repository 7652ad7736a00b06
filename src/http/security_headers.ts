// The security headers every answer carries: the content security policy, HSTS when the newsroom is reached over
// https, framing refused, the referrer policy, and a Permissions-Policy that turns off what the site never uses.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';

/** One year, the newsroom's subdomains too (RFC 6797 §6.1). Not `preload`: that is a promise only the newsroom
 * can make for its whole domain. */
export const HSTS = 'max-age=31536000; includeSubDomains';

// Browser features no page of the site, the sign-in pages or the newsroom app uses: refused for the pages and for
// anything framed in them, so an injected script or an embed cannot ask a reader for them. Only features Chromium
// knows are listed (an unknown name is logged as an error on every page); browsing-topics replaced interest-cohort.
const UNUSED_FEATURES = [
  'accelerometer', 'browsing-topics', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'idle-detection',
  'magnetometer', 'microphone', 'midi', 'payment', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
];
export const PERMISSIONS_POLICY = UNUSED_FEATURES.map((f) => `${f}=()`).join(', ');

/** Registers the headers on the root app (not as an encapsulated plugin), so every route and error carries them. */
export async function securityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  // HSTS follows the public address, not the request: behind a proxy that ends TLS (KHABAR_TRUST_PROXY=1,
  // X-Forwarded-Proto: https) the request reaches us over http, yet readers only ever use the https address.
  // Browsers ignore HSTS received over plain http (RFC 6797 §8.1), and a newsroom on http must not be pinned to https.
  const https = /^https:/i.test(config.publicUrl);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
      },
    },
    // DENY says what frame-ancestors 'none' says, for browsers that only know the older header.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true, preload: false } : false,
  });
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

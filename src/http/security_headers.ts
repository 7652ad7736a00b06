// The security headers every answer carries: the content security policy, HSTS when the newsroom is reached over
// https, framing refused, the referrer policy, and a Permissions-Policy that turns off what the site never uses.
// They are the same for every answer, so they are worked out once at start and set from one map by the app, also on
// the answers Fastify makes before any hook runs (a malformed address), which @fastify/helmet's hook never reached.
import type { Config } from '../config.ts';

const CSP: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'self'",
  'object-src': "'none'",
};

// Browser features no page of the site, the sign-in pages or the newsroom app uses: refused for the pages and for
// anything framed in them, so an injected script or an embed cannot ask a reader for them. Only features Chromium
// knows are listed (an unknown name is logged as an error on every page); browsing-topics replaced interest-cohort.
const UNUSED_FEATURES = [
  'accelerometer', 'browsing-topics', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'idle-detection',
  'magnetometer', 'microphone', 'midi', 'payment', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
];

/** One year, the newsroom's subdomains too (RFC 6797 §6.1). Not `preload`: that is a promise only the newsroom
 * can make for its whole domain. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers for this configuration. */
export function securityHeaders(config: Pick<Config, 'publicUrl'>): Record<string, string> {
  // HSTS follows the public address, not the request: behind a proxy that ends TLS (KHABAR_TRUST_PROXY=1,
  // X-Forwarded-Proto: https) the request reaches us over http, yet readers only ever use the https address.
  // Browsers ignore HSTS received over plain http (RFC 6797 §8.1), and a newsroom on http must not be pinned to https.
  const https = /^https:/i.test(config.publicUrl);
  return {
    'content-security-policy': Object.entries(CSP).map(([k, v]) => `${k} ${v}`).join(';'),
    'permissions-policy': UNUSED_FEATURES.map((f) => `${f}=()`).join(', '),
    ...(https ? { 'strict-transport-security': HSTS } : {}),
    // DENY says what frame-ancestors 'none' says, for browsers that only know the older header.
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-permitted-cross-domain-policies': 'none',
    // The old XSS auditors did more harm than good; 0 turns them off (the CSP does the work).
    'x-xss-protection': '0',
  };
}

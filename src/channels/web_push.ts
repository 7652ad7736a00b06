// The `web-push` package (RFC 8291 payload encryption, RFC 8292 VAPID), loaded when the first alert or key pair is
// made. Only its request builder is used: Khabar sends the request itself, with its own address check and timeout.
import { loadPackage } from '../load_later.ts';

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string | number>;
  body: Buffer | null;
}

interface WebPushModule {
  generateVAPIDKeys(): { publicKey: string; privateKey: string };
  generateRequestDetails(subscription: PushTarget, payload: string, options: {
    vapidDetails: { subject: string; publicKey: string; privateKey: string };
    TTL?: number; urgency?: 'very-low' | 'low' | 'normal' | 'high'; topic?: string; contentEncoding?: string;
  }): PushRequest;
}

/** The package, loaded on first use. */
export function loadWebPush(): WebPushModule {
  return loadPackage<WebPushModule>('web-push');
}

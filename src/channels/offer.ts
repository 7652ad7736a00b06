// Whether the site offers push alerts, and the key browsers subscribe with (what every page's opt-in needs).
import type { AppContext } from '../context.ts';
import { getChannelSettings, vapidKeys } from './settings.ts';

/** The VAPID public key while alerts are offered, else null. */
export async function alertsOffer(ctx: AppContext): Promise<string | null> {
  return (await getChannelSettings(ctx)).pushEnabled ? (await vapidKeys(ctx)).publicKey : null;
}

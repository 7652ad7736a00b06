// What every screen is handed: who is signed in (the session answer of GET /api/admin/auth/me, with the
// capabilities that decide what the app offers) and where it is. Screens import these from here, never from
// app.tsx, so the frame that imports every screen is imported by none of them.
import type { Answer } from './api_types.ts';

/** The signed-in account, its sign-in stage and its capabilities. */
export type Me = Answer<'/api/admin/auth/me', 'get'>;

/** What the frame passes to the screen for the current address. */
export type ScreenProps = { me: Me; params: URLSearchParams; id?: number };

/** Whether the signed-in account has the capability. */
export const may = (me: Me, capability: string): boolean => me.capabilities.includes(capability);

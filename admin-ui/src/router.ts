// Addresses inside the app: the History API, so each screen has a real /admin/... address that reloads, bookmarks
// and comes back after a sign-in. The server answers every /admin/* address with the app (app_shell.ts).
import { useEffect, useState } from 'preact/hooks';

type Listener = () => void;
const listeners = new Set<Listener>();
/** Asked before leaving a screen; false keeps the person where they are (unsaved work). */
let leaveGuard: (() => boolean) | null = null;

export function guardLeaving(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (leaveGuard && !leaveGuard()) return;
  leaveGuard = null;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
}

window.addEventListener('popstate', () => { for (const l of listeners) l(); });

/** The current path and query, re-rendering the caller when they change. */
export function useLocation(): { path: string; params: URLSearchParams } {
  const [, bump] = useState(0);
  useEffect(() => {
    const l = () => bump((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}

/** Follows a click on an in-app link without reloading the page (other clicks, e.g. with Ctrl, go as usual). */
export function followLink(e: MouseEvent): void {
  const a = (e.target as Element).closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/admin') || a.hasAttribute('data-native')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}

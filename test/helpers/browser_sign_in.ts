// Signing a staff member in for a browser test the way the app's sign-in page does (through the sign-in API), then
// handing the session's cookies to the browser: a test switches between people without walking the sign-in page.
import assert from 'node:assert/strict';
import type { LaunchedBrowser } from './browser.ts';

/** fetch, once more when the first try met a connection kept from before a restart (closed by the old app). */
export async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

/** Signs in with email and password at base and gives the browser that session (and only it). */
export async function signInBrowser(browser: LaunchedBrowser, base: string, email: string, password: string): Promise<void> {
  const jar = new Map<string, string>();
  const take = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetchAgain(`${base}/api/admin/csrf`);
  take(csrf);
  const { token } = (await csrf.json()) as { token: string };
  const signedIn = await fetchAgain(`${base}/api/admin/auth/login`, {
    method: 'POST', headers: { cookie: cookie(), 'x-csrf-token': token, 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  assert.equal(signedIn.status, 200, await signedIn.clone().text());
  take(signedIn);
  await browser.context.clearCookies();
  await browser.context.addCookies([...jar].map(([name, value]) => ({ name, value, url: base })));
}

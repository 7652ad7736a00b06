// The newsroom app's entry: who is signed in, then the app. Without a full session the server already sent the
// browser to the sign-in pages; a session that ended since is sent there by the API client.
import { render } from 'preact';
import { api, takeReturnAddress } from './api.ts';
import { App } from './app.tsx';
import type { Me } from './session.ts';
import { t, useLanguage } from './i18n/index.ts';
import { navigate } from './router.ts';
import { setSiteZone } from './ui.tsx';

async function start(): Promise<void> {
  useLanguage(document.documentElement.lang || 'en');
  const root = document.getElementById('app')!;
  try {
    const me = await api<Me>('GET', '/api/admin/auth/me');
    setSiteZone(me.timeZone);
    const back = takeReturnAddress();
    if (back) navigate(back, true);
    root.replaceChildren();
    render(<App me={me} />, root);
  } catch (err) {
    const p = document.createElement('p');
    p.className = 'boot';
    p.textContent = `${t('error.boot')} ${(err as Error).message}`;
    root.replaceChildren(p);
  }
}

void start();

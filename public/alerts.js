// Khabar alerts island: the "Get breaking news alerts" box appears where the browser can take push alerts. Nothing
// is asked before the reader clicks: only then is notification permission requested, the service worker registered
// and the subscription sent to the site. "Turn alerts off" unsubscribes here and on the site.
const box = document.querySelector('[data-alerts]');
const able = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
if (box && able) {
  const on = box.querySelector('[data-alerts-on]');
  const off = box.querySelector('[data-alerts-off]');
  const status = box.querySelector('[data-alerts-status]');
  const section = box.querySelector('input[name="alerts-section"]');
  const say = (key) => { status.textContent = box.dataset[key] || ''; };
  const shown = (subscribed) => { on.hidden = subscribed; off.hidden = !subscribed; };
  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
  box.hidden = false;
  // Reading the current state asks the reader nothing.
  navigator.serviceWorker.getRegistration('/').then(async (reg) => {
    const sub = reg ? await reg.pushManager.getSubscription() : null;
    if (sub) shown(true);
  }).catch(() => {});
  on.addEventListener('click', async () => {
    on.disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') { say('denied'); return; }
      const reg = await navigator.serviceWorker.register(box.dataset.worker, { scope: '/' });
      await navigator.serviceWorker.ready;
      let sub = await reg.pushManager.getSubscription();
      if (!sub) sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: box.dataset.key });
      const res = await post('/alerts/subscribe', { ...sub.toJSON(), language: box.dataset.lang, sectionId: section?.checked ? Number(section.value) : null });
      if (!res.ok) throw new Error(`the site answered ${res.status}`);
      shown(true);
      say('on');
    } catch {
      say('failed');
    } finally {
      on.disabled = false;
    }
  });
  off.addEventListener('click', async () => {
    const reg = await navigator.serviceWorker.getRegistration('/');
    const sub = reg ? await reg.pushManager.getSubscription() : null;
    if (sub) {
      await post('/alerts/unsubscribe', { endpoint: sub.endpoint }).catch(() => {});
      await sub.unsubscribe();
    }
    shown(false);
    say('off');
  });
}

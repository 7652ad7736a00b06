// Khabar alerts service worker: shows the newsroom's push alerts and opens the story when one is tapped. It holds
// no cache and sees no page: it wakes only for a push.
self.addEventListener('push', (event) => {
  let alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch {
    alert = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(alert.title || '', {
    body: alert.body || '', tag: alert.tag, lang: alert.lang || '', dir: 'auto', data: { url: alert.url || '/' },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin);
  // Only the site's own pages open from an alert.
  if (url.origin === self.location.origin) event.waitUntil(self.clients.openWindow(url.href));
});

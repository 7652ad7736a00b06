// Khabar live island: while a story is covered live, asks the story's entries (a small fragment the page cache
// answers with 304 until the next entry) every few seconds while the page is in view. New or changed entries are
// not slipped under the reader's eyes: a button says how many there are and shows them when pressed. Without this
// file, a reload shows the latest entries.
const box = document.querySelector('.live-new[data-src]');
const list = document.getElementById('live-entries');
if (box && list) {
  const button = box.querySelector('button');
  const every = Math.max(5, Number(box.dataset.poll) || 15) * 1000;
  const digits = new Intl.NumberFormat(box.dataset.locale || document.documentElement.lang, { useGrouping: false });
  let etag = null;
  let waiting = null;
  let timer = 0;

  const versions = (root) => new Map([...root.querySelectorAll('article[id^="entry-"]')].map((a) => [a.id, a.dataset.v]));

  const check = async () => {
    timer = 0;
    if (document.hidden) return;
    try {
      const res = await fetch(box.dataset.src, { headers: { accept: 'text/html' }, credentials: 'omit', cache: 'no-cache' });
      if (res.ok && res.headers.get('etag') !== etag) {
        etag = res.headers.get('etag');
        const next = new DOMParser().parseFromString(await res.text(), 'text/html').getElementById('live-entries');
        if (next) {
          const now = versions(list);
          let count = 0;
          for (const [id, v] of versions(next)) if (now.get(id) !== v) count++;
          waiting = count ? next : null;
          if (count) {
            button.textContent = count === 1 ? box.dataset.one : box.dataset.many.replace('{count}', digits.format(count));
            button.hidden = false;
          }
          if (next.hasAttribute('data-ended')) return;
        }
      }
    } catch {
      // offline for a moment: the next turn asks again
    }
    schedule();
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(check, every);
  };

  button.addEventListener('click', () => {
    if (!waiting) return;
    list.replaceChildren(...[...waiting.childNodes].map((n) => document.importNode(n, true)));
    if (waiting.hasAttribute('data-ended')) list.setAttribute('data-ended', '');
    waiting = null;
    button.hidden = true;
    list.querySelector('.live-list')?.setAttribute('tabindex', '-1');
    list.querySelector('.live-list')?.focus();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      clearTimeout(timer);
      timer = 0;
      void check();
    }
  });
  schedule();
}

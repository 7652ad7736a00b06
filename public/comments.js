// Khabar comment form island: proof-of-work widget glue, inline answers without a reload, reply links, reports.
// Without this file the form still works: it posts normally and the server answers with a page.
const script = document.currentScript || document.querySelector('script[data-worker]');
const workerUrl = script && script.dataset.worker;

// The proof-of-work widget (some 30 KB compressed) is fetched only when a reader starts on the form, so that
// reading an article costs none of it; until then <altcha-widget> is an empty unknown element.
let widgetLoading = null;
function loadWidget() {
  if (!widgetLoading) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = script.dataset.widgetCss;
    document.head.append(css);
    widgetLoading = import(script.dataset.widget).then(() => {
      if (globalThis.$altcha && workerUrl) globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(workerUrl));
      return customElements.whenDefined('altcha-widget');
    });
  }
  return widgetLoading;
}

const form = document.querySelector('[data-comment-form]');
if (form) setUpForm(form);
for (const f of document.querySelectorAll('form.comment-report')) setUpReport(f);

// The proof's cost follows the pressure on the site (comments/bot_defence.ts): the challenge carries the expected
// time on a mid-range phone (data.ms), which the reader is shown while their device works.
function showWait(form, challenge) {
  const note = form.querySelector('[data-pow-note]');
  const ms = challenge && challenge.parameters && challenge.parameters.data && challenge.parameters.data.ms;
  if (!note || typeof ms !== 'number') return;
  const seconds = Math.max(1, Math.round(ms / 1000));
  const digits = new Intl.NumberFormat(document.documentElement.lang || undefined).format(seconds);
  note.textContent = (seconds > 2 ? note.dataset.powBusy : note.dataset.powWait).replace('{seconds}', digits);
  note.hidden = false;
}

function setUpForm(form) {
  const message = form.querySelector('[data-comment-message]');
  const parentField = form.querySelector('[data-parent-id]');
  const replying = form.querySelector('[data-replying]');
  const replyingText = form.querySelector('[data-replying-text]');
  const home = { parent: form.parentNode, next: form.nextSibling };
  const widget = () => form.querySelector('altcha-widget');
  let payload = '';
  let busy = false;

  form.addEventListener('verified', (ev) => {
    payload = (ev.detail && ev.detail.payload) || '';
    const note = form.querySelector('[data-pow-note]');
    if (note) note.hidden = true;
  });
  form.addEventListener('focusin', () => { loadWidget().then(() => configureWidget(widget())); }, { once: true });

  // The widget fetches its challenges through this, so the form reads each one's expected time.
  function configureWidget(w) {
    if (configured || !w || typeof w.configure !== 'function') return;
    configured = true;
    w.configure({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        res.clone().json().then((c) => showWait(form, c), () => {});
        return res;
      },
    });
  }

  function say(text, ok) {
    message.textContent = text;
    message.classList.toggle('comment-message-ok', !!ok);
  }

  function markInvalid(field) {
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const el = field && form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (el) { el.setAttribute('aria-invalid', 'true'); el.focus(); }
  }

  let configured = false;
  async function verified() {
    await loadWidget();
    const w = widget();
    configureWidget(w);
    if (!w || typeof w.getState !== 'function') return Promise.resolve();
    if (w.getState() === 'verified') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => { w.removeEventListener('statechange', onState); clearTimeout(timer); resolve(); };
      const onState = (ev) => { const s = ev.detail && ev.detail.state; if (s === 'verified' || s === 'error' || s === 'expired') done(); };
      const timer = setTimeout(done, 90000);
      w.addEventListener('statechange', onState);
      if (w.getState() !== 'verifying') w.verify();
    });
  }

  function resetWidget() {
    payload = '';
    const w = widget();
    if (w && typeof w.reset === 'function') w.reset();
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await verified();
      const body = new URLSearchParams(new FormData(form));
      if (!body.get('altcha') && payload) body.set('altcha', payload);
      const res = await fetch(form.action, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const data = await res.json().catch(() => ({}));
      if (res.ok) {
        say(data.message, true);
        markInvalid(null);
        if (data.html) insertComment(data.html);
        // The heading counts the comment just shown, and the "no comments yet" line no longer holds.
        const heading = document.querySelector('[data-comments-heading]');
        if (heading && data.heading) heading.textContent = data.heading;
        if (data.html) for (const none of document.querySelectorAll('[data-comments-none]')) none.remove();
        form.querySelector('[name="comment"]').value = '';
        cancelReply();
        resetWidget();
      } else {
        const err = data.error || {};
        say(err.message || res.statusText, false);
        markInvalid(err.field);
        if (res.status === 403 || res.status === 409) resetWidget();
      }
    } catch (err) {
      say(String(err && err.message ? err.message : err), false);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
    }
  });

  function insertComment(html) {
    const tpl = document.createElement('template');
    tpl.innerHTML = html; // rendered and escaped by the server
    const item = tpl.content.firstElementChild;
    const parentId = parentField.value;
    let list = document.querySelector('[data-comment-list]');
    if (parentId) {
      const parent = document.getElementById(`comment-${parentId}`);
      if (parent) {
        list = parent.querySelector(':scope > ol.comment-replies');
        if (!list) { list = document.createElement('ol'); list.className = 'comment-replies'; parent.appendChild(list); }
      }
    }
    if (list && item) {
      list.appendChild(item);
      for (const f of item.querySelectorAll('form.comment-report')) setUpReport(f);
      for (const a of item.querySelectorAll('[data-reply-to]')) a.addEventListener('click', onReply);
    }
  }

  function onReply(ev) {
    const a = ev.currentTarget;
    const li = document.getElementById(`comment-${a.dataset.replyTo}`);
    if (!li) return;
    ev.preventDefault();
    parentField.value = a.dataset.replyTo;
    replyingText.textContent = replyingText.dataset.template
      ? replyingText.dataset.template.replace('{name}', a.dataset.replyName)
      : a.dataset.replyName;
    replying.hidden = false;
    li.querySelector(':scope > article').after(form);
    form.querySelector('[name="comment"]').focus();
  }

  function cancelReply() {
    parentField.value = '';
    replying.hidden = true;
    if (form.parentNode !== home.parent) home.parent.insertBefore(form, home.next);
  }

  for (const a of document.querySelectorAll('[data-reply-to]')) a.addEventListener('click', onReply);
  const cancel = form.querySelector('[data-cancel-reply]');
  if (cancel) cancel.addEventListener('click', (ev) => { ev.preventDefault(); cancelReply(); });
}

function setUpReport(f) {
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = f.querySelector('button');
    button.disabled = true;
    try {
      const res = await fetch(f.action, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const data = await res.json().catch(() => ({}));
      const note = document.createElement('span');
      note.setAttribute('role', 'status');
      note.textContent = res.ok ? data.message : (data.error && data.error.message) || res.statusText;
      f.replaceWith(note);
    } catch {
      button.disabled = false;
    }
  });
}

// Khabar newsletter form island: loads the proof-of-work widget when a reader starts on the form, so that the form
// is sent with a solved proof. Without this file the form still works: the server asks for one confirmation step.
const script = document.currentScript || document.querySelector('script[data-widget]');
let loading = null;
function loadWidget() {
  if (!loading && script) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = script.dataset.widgetCss;
    document.head.append(css);
    loading = import(script.dataset.widget).then(() => {
      if (globalThis.$altcha && script.dataset.worker) globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(script.dataset.worker));
    });
  }
  return loading;
}
for (const form of document.querySelectorAll('[data-newsletter-form]')) form.addEventListener('focusin', loadWidget, { once: true });

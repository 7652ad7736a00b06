// Khabar share island: "Copy link" copies the story's address instead of following it. Without this file (or
// without a clipboard) the link simply opens the canonical address, which the reader can copy from the bar.
for (const a of document.querySelectorAll('a.share-copy')) {
  a.addEventListener('click', async (e) => {
    if (!navigator.clipboard) return;
    e.preventDefault();
    try {
      await navigator.clipboard.writeText(a.href);
      const label = a.textContent;
      a.textContent = a.dataset.copied || label;
      a.setAttribute('aria-live', 'polite');
      setTimeout(() => { a.textContent = label; }, 2000);
    } catch {
      location.href = a.href;
    }
  });
}

// Words changed between two versions of a story: removed words struck through, added ones underlined, paragraph by
// paragraph, for the headline, the standfirst and the body.
import { t } from '../i18n/index.ts';
import type { Part, TextDiff } from './editorial_api.ts';

function Parts({ parts }: { parts: Part[] }) {
  // the body's paragraphs are separated by blank lines: each is shown as a paragraph of its own
  const paragraphs: Part[][] = [[]];
  for (const p of parts) {
    const pieces = p.value.split(/\n{2,}/);
    pieces.forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece) paragraphs[paragraphs.length - 1].push({ ...p, value: piece });
    });
  }
  return (
    <>
      {paragraphs.filter((x) => x.length).map((para, n) => (
        <p key={n} dir="auto">
          {para.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
        </p>
      ))}
    </>
  );
}

export function DiffView({ diff, label }: { diff: TextDiff; label: string }) {
  return (
    <section class="diff" aria-label={label}>
      <p class="hint">{t('compare.legend')}</p>
      <h3>{t('article.headline')}</h3><Parts parts={diff.headline} />
      <h3>{t('article.standfirst')}</h3><Parts parts={diff.standfirst} />
      <h3>{t('article.body')}</h3><Parts parts={diff.body} />
    </section>
  );
}

// Each story's readers where the newsroom works on it: a column of the article list (useStoryViews + StoryViews)
// and a small panel for the editor (<StoryFigures articleId={id} />, one line where it is mounted). Shown only to
// those who may read the audience figures (audience.read).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { Me } from '../session.ts';
import { t } from '../i18n/index.ts';
import { Chart, num } from './audience_chart.tsx';
import type { Answer } from '../api_types.ts';
import './audience.css';

type Figures = Answer<'/api/admin/audience/stories', 'get'>['figures'];

/** The last 7 days' figures of the stories listed (null while loading, or when the person may not read them). */
export function useStoryViews(me: Me, rows: { id: number }[] | null): Figures | null {
  const [figures, setFigures] = useState<Figures | null>(null);
  const may = me.capabilities.includes('audience.read');
  const ids = (rows ?? []).map((r) => r.id).join(',');
  useEffect(() => {
    if (!may || !ids) return;
    void api<Answer<'/api/admin/audience/stories', 'get'>>('GET', `/api/admin/audience/stories?ids=${ids}&days=7`).then((r) => setFigures(r.figures), () => setFigures(null));
  }, [ids, may]);
  return may ? figures : null;
}

/** The column's heading, when the figures are shown. */
export function StoryViewsHeading({ figures }: { figures: Figures | null }) {
  return figures ? <th scope="col" class="n">{t('audience.column')}</th> : null;
}

/** One row's cell. */
export function StoryViews({ figures, id }: { figures: Figures | null; id: number }) {
  if (!figures) return null;
  const f = figures[id] ?? { views: 0, visitors: 0 };
  return <td class="n" title={t('audience.column_cell', { views: num(f.views), visitors: num(f.visitors) })}>{num(f.views)}</td>;
}

type Story = Answer<'/api/admin/audience/stories/{id}', 'get'>;

/** The editor's panel: the story's readers so far, its last 30 days and where its readers came from. */
export function StoryFigures({ me, articleId }: { me: Me; articleId: number | undefined }) {
  const [story, setStory] = useState<Story | null>(null);
  const may = me.capabilities.includes('audience.read');
  useEffect(() => {
    if (!may || !articleId) return;
    void api<Story>('GET', `/api/admin/audience/stories/${articleId}`).then(setStory, () => setStory(null));
  }, [articleId, may]);
  if (!story?.total.views) return null;
  return (
    <section class="story-figures">
      <h2>{t('audience.story')}</h2>
      <p>{t('audience.story_line', { views: num(story.total.views), visitors: num(story.total.visitors) })}</p>
      <Chart points={story.days} unit="day" label={t('audience.story_chart')} />
      <ul>
        {story.referrers.map((r) => <li key={r.key}>{t(`audience.group.${r.key}` as Parameters<typeof t>[0])}: {num(r.views)}</li>)}
      </ul>
    </section>
  );
}

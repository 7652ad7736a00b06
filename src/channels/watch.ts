// What alerts and channels do when something happens: a story's first publication carries out the editor's plan,
// an edit or correction updates the story's channel posts, and a live entry marked for it alerts readers and goes
// to the channels.
import type { AppContext } from '../context.ts';
import { createAlert } from './alerts.ts';
import { carryOutPlan } from './plans.ts';
import { queueEntryPosts, storyChanged } from './posting.ts';
import { ALERT_TEXT_MAX } from './alerts.ts';
import { cut } from './story.ts';

/** Listens on the event bus; returns a function that stops listening. */
export function watchForChannels(ctx: AppContext): () => void {
  const offs = [
    ctx.events.on('article.published', ({ articleId }) => carryOutPlan(ctx, articleId)),
    ctx.events.on('article.changed', async ({ articleId, reason }) => {
      if (reason === 'edited' || reason === 'updated' || reason === 'corrected') await storyChanged(ctx, articleId);
    }),
    ctx.events.on('live.entry.posted', async (e) => {
      if (e.alert) await createAlert(ctx, { language: e.language, text: cut(e.text.replace(/\s+/g, ' ').trim(), ALERT_TEXT_MAX), url: e.url, articleId: e.articleId, entryId: e.entryId }, null);
      if (e.channels) await queueEntryPosts(ctx, e.entryId, e.language, { text: e.text, url: e.url });
    }),
  ];
  return () => { for (const off of offs) off(); };
}

// One line of the audit log read as a sentence ("Farida Noori published “Roads reopen…”"), the story's headline
// linking to it in the app: the audit log screen and the dashboard's activity both say it this way.
import type { VNode } from 'preact';
import { t, type MessageKey } from '../i18n/index.ts';
import { enFronts } from '../i18n/en_fronts.ts';
import type { Answer, Item } from '../api_types.ts';

/** One entry of the audit log (GET /api/admin/audit). */
export type ActivityEntry = Item<Answer<'/api/admin/audit', 'get'>['entries']>;

/** The sentence's key: the action's own, a scheduled publication's, or the general one. */
function keyOf(e: ActivityEntry): MessageKey {
  if (e.action === 'article.publish' && e.detail?.scheduled) return 'activity.article.publish_scheduled';
  const own = `activity.${e.action}`;
  return (own in enFronts ? own : 'activity.other') as MessageKey;
}

export function ActivitySentence({ e }: { e: ActivityEntry }): VNode {
  const about = e.about;
  const title = about
    ? (about.title === null ? <span class="meta">{t('activity.gone')}</span>
      : about.href ? <a href={about.href} dir="auto">“{about.title}”</a> : <span dir="auto">“{about.title}”</span>)
    : <span class="meta">{e.subject ?? ''}</span>;
  const template = t(keyOf(e), { who: '\u0000who\u0000', title: '\u0000title\u0000', commenter: about?.commenter ?? '?', action: e.action });
  return (
    <span class="sentence">
      {template.split(/\u0000(who|title)\u0000/).map((part, i) => (i % 2 === 0 ? part : part === 'who'
        ? <strong dir="auto">{e.actor_name ?? t('activity.khabar')}</strong> : title))}
    </span>
  );
}

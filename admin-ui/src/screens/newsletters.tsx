// The Newsletters screen: lists per language with their readers by status, the sends with their progress and
// figures (and a new one composed, previewed, tested and started or scheduled), readers found by address or name,
// CSV import from Mailchimp or Ghost with a preview, and the relay settings with a test letter. Each part is a tab
// with its own address (?tab=...), so a reload or a link comes back to it. On the Admin API's /api/admin/newsletters.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { ScreenProps } from '../session.ts';
import { t } from '../i18n/index.ts';
import { navigate } from '../router.ts';
import { ErrorNote, Heading, Tabs } from '../ui.tsx';
import { ListsPanel } from './newsletter_lists.tsx';
import { SendsPanel } from './newsletter_sends.tsx';
import { ReadersPanel } from './newsletter_readers.tsx';
import { ImportPanel } from './newsletter_import.tsx';
import { RelaySettings } from './newsletter_settings.tsx';
import type { NewsletterList } from './newsletter_kit.tsx';
import './newsletters.css';

const TABS = ['lists', 'sends', 'readers', 'import', 'settings'] as const;
type Tab = (typeof TABS)[number];

export function Newsletters({ me, params }: ScreenProps) {
  const canSettings = me.capabilities.includes('settings.manage');
  const tabs = TABS.filter((k) => k !== 'settings' || canSettings);
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab') as Tab : 'lists';
  const [lists, setLists] = useState<NewsletterList[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    setError(null);
    try {
      setLists((await api<{ lists: NewsletterList[] }>('GET', '/api/admin/newsletters/lists')).lists);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => { void load(); }, []);

  return (
    <section class="newsletters">
      <Heading text="newsletters.title" />
      <p>{t('newsletters.intro')}</p>
      <Tabs label={t('newsletters.tabs')} current={tab} onPick={(k) => navigate(`/admin/newsletters?tab=${k}`)}
        tabs={tabs.map((k) => ({ key: k, label: t(`newsletters.tab.${k}`) }))} />
      <ErrorNote error={error} retry={load} />
      {lists === null ? (error ? null : <p role="status">{t('common.loading')}</p>) : (
        <div role="tabpanel">
          {tab === 'lists' ? <ListsPanel lists={lists} reload={load} /> : null}
          {tab === 'sends' ? <SendsPanel lists={lists} /> : null}
          {tab === 'readers' ? <ReadersPanel lists={lists} /> : null}
          {tab === 'import' ? <ImportPanel lists={lists} reload={load} /> : null}
          {tab === 'settings' && canSettings ? <RelaySettings email={me.user.email} /> : null}
        </div>
      )}
    </section>
  );
}

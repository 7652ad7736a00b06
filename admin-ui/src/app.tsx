// The app's frame: the navigation, the screen for the current address, and signing out. The editor is loaded
// only when an article is opened (its own chunk with TipTap), so the first screen stays small.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.ts';
import { t, type MessageKey } from './i18n/index.ts';
import { followLink, useLocation } from './router.ts';
import { Dashboard } from './screens/dashboard.tsx';
import { ArticleList } from './screens/articles.tsx';
import { CompareScreen } from './editor/compare_screen.tsx';
import { MediaLibrary } from './screens/media.tsx';
import { Moderation } from './screens/moderation.tsx';
import { CONTENT_NAV, contentScreen } from './screens/content_screens.tsx';
import { Aggregators } from './screens/aggregators.tsx';
import { Fronts } from './screens/fronts.tsx';
import { Audience } from './screens/audience.tsx';
import { Newsletters } from './screens/newsletters.tsx';
import { NotFound } from './ui.tsx';
import { capabilityFor, NotAllowed } from './access.tsx';
import { PEOPLE_NAV, peopleScreenFor } from './screens/people_routes.ts';
import { LiveDesk } from './live/live_desk.tsx';
import { InterfaceLanguage } from './screens/interface_language.tsx';
import { ChannelsScreen } from './channels/channels_screen.tsx';
import { MirrorsScreen } from './screens/mirrors.tsx';

import type { Me, ScreenProps } from './session.ts';
// Kept for the editor's screens until they import from session.ts like the others.
export type { Me, ScreenProps } from './session.ts';

const NAV: { href: string; label: MessageKey; capability?: string }[] = [
  { href: '/admin', label: 'nav.dashboard' },
  { href: '/admin/articles', label: 'nav.articles', capability: 'articles.read' },
  { href: '/admin/media', label: 'nav.media', capability: 'media.upload' },
  { href: '/admin/comments', label: 'nav.comments', capability: 'comments.moderate' },
  // sections, tags, people, house ads, site settings (screens/content_screens.tsx)
  ...CONTENT_NAV,
  // staff, API keys, audit log, comment settings, sources (screens/people_routes.ts)
  ...PEOPLE_NAV,
  { href: '/admin/aggregators', label: 'nav.aggregators', capability: 'api_keys.manage' },
  { href: '/admin/fronts', label: 'nav.fronts', capability: 'fronts.manage' },
  { href: '/admin/audience', label: 'nav.audience', capability: 'audience.read' },
  { href: '/admin/newsletters', label: 'nav.newsletters', capability: 'newsletters.manage' },
  { href: '/admin/channels', label: 'nav.channels', capability: 'channels.announce' },
  { href: '/admin/mirrors', label: 'nav.mirrors', capability: 'settings.manage' },
];

let editorChunk: Promise<ComponentType<ScreenProps>> | null = null;
const loadEditor = () => (editorChunk ??= import('./editor/editor_screen.tsx').then((m) => m.EditorScreen));

function LazyEditor(props: ScreenProps) {
  const [Editor, setEditor] = useState<ComponentType<ScreenProps> | null>(null);
  useEffect(() => { void loadEditor().then((E) => setEditor(() => E)); }, []);
  return Editor ? <Editor {...props} /> : <p role="status">{t('common.loading')}</p>;
}

function screenFor(path: string): { Screen: ComponentType<ScreenProps>; id?: number } {
  if (path === '/admin' || path === '/admin/') return { Screen: Dashboard };
  if (path === '/admin/articles') return { Screen: ArticleList };
  if (path === '/admin/articles/new') return { Screen: LazyEditor };
  const article = /^\/admin\/articles\/(\d+)$/.exec(path);
  if (article) return { Screen: LazyEditor, id: Number(article[1]) };
  const compared = /^\/admin\/articles\/(\d+)\/compare$/.exec(path);
  if (compared) return { Screen: CompareScreen, id: Number(compared[1]) };
  if (path === '/admin/media') return { Screen: MediaLibrary };
  if (path === '/admin/comments') return { Screen: Moderation };
  const content = contentScreen(path);
  if (content) return { Screen: content };
  if (path === '/admin/aggregators') return { Screen: Aggregators };
  if (path === '/admin/fronts') return { Screen: Fronts };
  if (path === '/admin/audience') return { Screen: Audience };
  if (path === '/admin/newsletters') return { Screen: Newsletters };
  if (/^\/admin\/articles\/\d+\/live$/.test(path)) return { Screen: LiveDesk, id: Number(path.split('/')[3]) };
  if (path === '/admin/channels') return { Screen: ChannelsScreen };
  if (path === '/admin/mirrors') return { Screen: MirrorsScreen };
  return peopleScreenFor(path) ?? { Screen: NotFound };
}

export function App({ me }: { me: Me }) {
  const { path, params } = useLocation();
  const { Screen, id } = screenFor(path);
  // A screen this person may not use says so (and whom to ask) instead of showing a form that then fails.
  const needed = capabilityFor(path, NAV);
  const allowed = !needed || me.capabilities.includes(needed);
  const main = useRef<HTMLElement>(null);
  // On a phone the navigation folds behind a menu button; it folds again when a screen is chosen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  // After a move to another screen, focus goes to its content so a keyboard or screen-reader user starts there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [path]);

  const signOut = async () => {
    await api('POST', '/api/admin/auth/logout').catch(() => {});
    location.assign('/admin/sign-in?after=signed-out');
  };
  const nav = NAV.filter((n) => !n.capability || me.capabilities.includes(n.capability));
  const current = (href: string) => (href === '/admin' ? path === '/admin' : path.startsWith(href));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: one delegated handler follows every in-app link
    // biome-ignore lint/a11y/useKeyWithClickEvents: links keep their own keyboard behaviour
    <div class="shell" onClick={(e) => followLink(e as unknown as MouseEvent)}>
      <a class="skip" href="#main" data-native>{t('nav.skip')}</a>
      <header class="top">
        <a class="brand" href="/admin">{t('app.name')}</a>
        <button type="button" class="menu-button quiet" aria-expanded={menuOpen} aria-controls="app-nav" onClick={() => setMenuOpen(!menuOpen)}>{t('nav.menu')}</button>
        <nav id="app-nav" class={menuOpen ? 'open' : undefined} aria-label={t('nav.label')}>
          <ul>
            {nav.map((n) => (
              <li key={n.href}><a href={n.href} aria-current={current(n.href) ? 'page' : undefined}>{t(n.label)}</a></li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>{me.user.name}</span>
          <InterfaceLanguage chosen={me.user.language ?? null} />
          <a href="/api/reference" data-native>{t('nav.api')}</a>
          <button type="button" class="link" onClick={signOut}>{t('nav.sign_out')}</button>
        </div>
      </header>
      {me.user.twoFactorEnabled ? null : (
        <p class="notice">{t('notice.no_two_factor')} <a href="/admin/two-factor" data-native>{t('notice.set_up_two_factor')}</a></p>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {allowed ? <Screen key={path} me={me} params={params} id={id} /> : <NotAllowed key={path} me={me} capability={needed!} />}
      </main>
    </div>
  );
}

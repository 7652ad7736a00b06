// The newsletter pages a reader sees: the sign-up page, the answers to the form (check your inbox, the one
// confirmation step without JavaScript, the form again after a refusal), the confirmation, the preferences page
// and the unsubscribe page. Pages about one reader are private (never cached or indexed).
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { t, dir } from '../i18n/index.ts';
import { listName } from '../newsletters/lists.ts';
import type { PreferencesView } from '../newsletters/subscribe.ts';
import type { Pass } from '../newsletters/bot_defence.ts';
import { loadSiteView } from './site_view.ts';
import { Layout } from './views/layout.tsx';
import { loadSignupLists, SignupAssets, SignupForm, type SignupState } from './newsletter_box.tsx';

async function page(ctx: AppContext, lang: string, title: string, body: VNode, noindex = true): Promise<VNode> {
  const site = await loadSiteView(ctx, lang);
  return (
    <Layout site={site} title={`${title} | ${site.settings.name}`} head={noindex ? <meta name="robots" content="noindex" /> : undefined}>
      <section class="newsletter-page">
        <h1>{title}</h1>
        {body}
      </section>
    </Layout>
  );
}

/** The page of its own: every list, the form. */
export async function signupPage(ctx: AppContext, lang: string, state?: SignupState): Promise<VNode> {
  const lists = await loadSignupLists(ctx, lang);
  return page(ctx, lang, t(lang, 'newsletters.title'), lists.length ? (
    <>
      <p>{t(lang, 'newsletters.page_intro')}</p>
      <SignupForm lists={lists} lang={lang} state={state} heading="none" full />
      <SignupAssets />
    </>
  ) : <p>{t(lang, 'newsletters.none')}</p>, !!state);
}

/** A message alone (check your inbox, confirmed, left a list, a bad link). */
export function messagePage(ctx: AppContext, lang: string, message: string): Promise<VNode> {
  return page(ctx, lang, t(lang, 'newsletters.title'), <p class="comment-message comment-message-ok" role="status">{message}</p>);
}

/** The one confirmation step of a sign-up without JavaScript: the same fields with a signed pass. */
export function stepPage(ctx: AppContext, lang: string, a: { email: string; name: string; listIds: number[]; pass: Pass }): Promise<VNode> {
  return page(ctx, lang, t(lang, 'newsletters.step_title'), (
    <form method="post" action="/newsletters" class="newsletter-form">
      <p>{t(lang, 'newsletters.step_intro', { email: a.email })}</p>
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="email" value={a.email} />
      <input type="hidden" name="name" value={a.name} />
      <input type="hidden" name="lists" value={a.listIds.join(',')} />
      <input type="hidden" name="pass_iat" value={String(a.pass.iat)} />
      <input type="hidden" name="pass_nonce" value={a.pass.nonce} />
      <input type="hidden" name="pass_sig" value={a.pass.sig} />
      <p class="comment-hp" hidden aria-hidden="true"><label>{t(lang, 'newsletters.honeypot')} <input name="website" tabIndex={-1} autocomplete="off" /></label></p>
      <p><button type="submit">{t(lang, 'newsletters.step_button')}</button></p>
    </form>
  ));
}

/** The preferences page from a signed link. */
export function preferencesPage(ctx: AppContext, v: PreferencesView, saved: boolean): Promise<VNode> {
  const lang = v.reader.language;
  const action = `/newsletters/preferences?r=${v.query.r}&sig=${encodeURIComponent(v.query.sig)}`;
  return page(ctx, lang, t(lang, 'newsletters.prefs_title'), (
    <>
      {saved ? <p class="comment-message comment-message-ok" role="status">{t(lang, 'newsletters.prefs_saved')}</p> : null}
      <form method="post" action={action} class="newsletter-form">
        <p>{t(lang, 'newsletters.prefs_intro', { email: v.reader.email })}</p>
        <fieldset>
          <legend>{t(lang, 'newsletters.lists')}</legend>
          {v.lists.map(({ list, subscribed }) => (
            <p><label lang={list.language} dir={dir(list.language)}><input type="checkbox" name={`list-${list.id}`} checked={subscribed} /> {listName(list, list.language)}</label></p>
          ))}
        </fieldset>
        <p><button type="submit">{t(lang, 'newsletters.prefs_save')}</button></p>
      </form>
      <form method="post" action={action}>
        <input type="hidden" name="leave_all" value="1" />
        <p><button type="submit">{t(lang, 'newsletters.leave_all')}</button></p>
      </form>
    </>
  ));
}

/** The unsubscribe page a link opens: one button (a GET never unsubscribes: mail scanners follow links). */
export function unsubscribePage(ctx: AppContext, lang: string, action: string): Promise<VNode> {
  return page(ctx, lang, t(lang, 'newsletters.mail.unsubscribe'), (
    <form method="post" action={action}>
      <input type="hidden" name="List-Unsubscribe" value="One-Click" />
      <p><button type="submit">{t(lang, 'newsletters.mail.unsubscribe')}</button></p>
    </form>
  ));
}

// The newsletter sign-up form, on the home page, article pages and its own page (/newsletters): a plain form that
// works without JavaScript, in the page's language. With JavaScript, newsletter.js loads the comments' proof-of-work
// widget when the reader starts on it; without, the server answers with one confirmation step.
import type { VNode } from 'preact';
import type { AppContext } from '../context.ts';
import { t, dir } from '../i18n/index.ts';
import { publicLists, listName, type NewsletterList } from '../newsletters/lists.ts';
import { assetUrl } from './assets.ts';

export interface SignupState {
  email?: string;
  name?: string;
  chosen?: number[];
  message?: string;
  field?: string;
}

/** Where a language's sign-up page is. */
export function signupHref(lang: string, defaultLang: string): string {
  return lang === defaultLang ? '/newsletters' : `/${lang}/newsletters`;
}

/** The public lists for a page in this language (kept until a list changes). */
export function loadSignupLists(ctx: AppContext, lang: string): Promise<NewsletterList[]> {
  return ctx.reads.get(`newsletter-lists:${lang}`, () => publicLists(ctx.db, lang));
}

export function SignupForm({ lists, lang, state, heading, full }: {
  lists: NewsletterList[]; lang: string; state?: SignupState; heading: 'h1' | 'h2' | 'none'; full?: boolean;
}): VNode | null {
  if (!lists.length) return null;
  // A box on a story offers the lists in the page's language; the page of its own offers every list.
  const shown = full ? lists : lists.filter((l) => l.language === lang).slice(0, 3);
  const offered = shown.length ? shown : lists.slice(0, 1);
  const chosen = new Set(state?.chosen ?? (offered.length === 1 ? [offered[0].id] : []));
  const H = heading === 'none' ? null : heading;
  return (
    <form class="newsletter-form" method="post" action="/newsletters" data-newsletter-form>
      {H ? <H id="newsletter-heading">{t(lang, 'newsletters.box_title')}</H> : null}
      {!full ? <p>{t(lang, 'newsletters.box_intro')}</p> : null}
      {state?.message ? <p class="comment-message" role="alert">{state.message}</p> : null}
      <input type="hidden" name="lang" value={lang} />
      <fieldset>
        <legend>{t(lang, 'newsletters.lists')}</legend>
        {offered.map((l) => (
          <p>
            <label lang={l.language} dir={dir(l.language)}>
              <input type="checkbox" name={`list-${l.id}`} checked={chosen.has(l.id)} /> {listName(l, l.language)}
            </label>
            {full && (l.descriptions[l.language] || l.descriptions[lang]) ? <br /> : null}
            {full ? <small lang={l.language} dir={dir(l.language)}>{l.descriptions[l.language] || l.descriptions[lang] || ''}</small> : null}
          </p>
        ))}
      </fieldset>
      <p>
        <label for={`nl-email-${heading}`}>{t(lang, 'newsletters.email')}</label>
        <input id={`nl-email-${heading}`} name="email" type="email" required maxLength={254} autocomplete="email" dir="ltr" value={state?.email ?? ''}
          aria-invalid={state?.field === 'email' ? 'true' : undefined} />
      </p>
      {full ? (
        <p>
          <label for="nl-name">{t(lang, 'newsletters.name')}</label>
          <input id="nl-name" name="name" maxLength={100} autocomplete="name" dir="auto" value={state?.name ?? ''} />
        </p>
      ) : null}
      <p class="comment-hp" hidden aria-hidden="true">
        <label>{t(lang, 'newsletters.honeypot')} <input name="website" tabIndex={-1} autocomplete="off" /></label>
      </p>
      <altcha-widget challenge="/comments/challenge" name="altcha" auto="onfocus" configuration='{"hideFooter":true,"hideLogo":true}' />
      <noscript><p>{t(lang, 'newsletters.noscript')}</p></noscript>
      <p><button type="submit">{t(lang, 'newsletters.subscribe')}</button></p>
    </form>
  );
}

/** The form's script (the proof-of-work widget, fetched when a reader starts on the form). */
export function SignupAssets(): VNode {
  return (
    <script type="module" src={assetUrl('newsletter.js')} data-worker={assetUrl('altcha/sha.js')}
      data-widget={assetUrl('altcha/altcha.min.js')} data-widget-css={assetUrl('altcha/altcha.css')} />
  );
}

/** The box on the home and article pages, with a link to every list. */
export function SignupBox({ lists, lang, defaultLang }: { lists: NewsletterList[]; lang: string; defaultLang: string }): VNode | null {
  if (!lists.length) return null;
  return (
    <section class="newsletter-box" aria-labelledby="newsletter-heading">
      <SignupForm lists={lists} lang={lang} heading="h2" />
      <p><a href={signupHref(lang, defaultLang)}>{t(lang, 'newsletters.all_lists')}</a></p>
      <SignupAssets />
    </section>
  );
}

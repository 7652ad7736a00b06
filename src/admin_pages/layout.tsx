// The frame and form parts of the newsroom's sign-in pages: a plain page in the site's language with the site's
// stylesheet and a small one of its own, no scripts, no inline styles. Every field has its label, its hint and its
// message tied to it (aria-describedby), and the field a message is about gets the focus.
import type { ComponentChildren, VNode } from 'preact';
import { dir, t, type MessageKey } from '../i18n/index.ts';
import { assetUrl } from '../site/assets.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';

/** What every page needs: the language, the newsroom's name, the form token. */
export interface PageView {
  lang: string;
  siteName: string;
  csrf: string;
}

/** A refused form: the message, and the field it is about (none: the whole form). */
export interface Problem {
  status: number;
  message: string;
  field?: string;
}

export function AdminLayout({ view, title, children }: { view: PageView; title: string; children: ComponentChildren }): VNode {
  const { lang } = view;
  return (
    <html lang={lang} dir={dir(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} | ${t(lang, 'admin.brand', { name: view.siteName })}`}</title>
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="stylesheet" href={assetUrl('admin.css')} />
      </head>
      <body class="admin">
        <a class="skip" href="#main">{t(lang, 'site.skip')}</a>
        <header class="admin-header">
          <p class="admin-brand">{t(lang, 'admin.brand', { name: view.siteName })}</p>
          <a href="/">{t(lang, 'admin.to_site')}</a>
        </header>
        <main id="main" class="admin-main">
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

/** A form that changes something: POST to its own address, with the CSRF token. */
export function Form({ view, action, children }: { view: PageView; action: string; children: ComponentChildren }): VNode {
  return (
    <form method="post" action={action} class="admin-form">
      <input type="hidden" name="_csrf" value={view.csrf} />
      {children}
    </form>
  );
}

/** The message about the whole form (or pointing at a field below), read out when the page opens. */
export function FormMessage({ view, problem }: { view: PageView; problem?: Problem | null }): VNode | null {
  if (!problem) return null;
  return <p class="admin-alert" role="alert">{problem.field ? t(view.lang, 'admin.error.field') : problem.message}</p>;
}

export function Notice({ children }: { children: ComponentChildren }): VNode {
  return <p class="admin-notice" role="status">{children}</p>;
}

interface FieldProps {
  view: PageView;
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  problem?: Problem | null;
  maxLength?: number;
  minLength?: number;
  inputMode?: 'numeric' | 'text';
}

/** A labelled input; the message about it (if any) sits right under it and is announced with it. */
export function Field({ view, name, label, type = 'text', autocomplete, value, hint, problem, maxLength, minLength, inputMode }: FieldProps): VNode {
  const id = `field-${name}`;
  const mine = problem?.field === name;
  const described = [hint ? `${id}-hint` : '', mine ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <p class={mine ? 'admin-field admin-field-invalid' : 'admin-field'}>
      <label for={id}>{t(view.lang, label)}</label>
      {hint ? <span class="admin-hint" id={`${id}-hint`}>{hint}</span> : null}
      {/* preact's types tie each input type to its own attributes; these three share them */}
      <input id={id} name={name} type={type as 'text'} autocomplete={autocomplete} required value={type === 'password' ? undefined : value ?? ''}
        maxLength={maxLength} minLength={minLength} inputMode={inputMode} spellcheck={type === 'text' && name !== 'name' ? false : undefined}
        aria-describedby={described || undefined} aria-invalid={mine ? 'true' : undefined} autofocus={mine ? true : undefined} />
      {mine ? <span class="admin-error" id={`${id}-error`}>{problem!.message}</span> : null}
    </p>
  );
}

/** A new password, with the rule it must meet (checked again by the accounts service). */
export function NewPasswordField({ view, label = 'admin.field.password', problem }: { view: PageView; label?: MessageKey; problem?: Problem | null }): VNode {
  return (
    <Field view={view} name="password" label={label} type="password" autocomplete="new-password" problem={problem}
      hint={t(view.lang, 'admin.field.password_hint', { min: MIN_PASSWORD_LENGTH })} minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} />
  );
}

/** For password managers: the account a new password belongs to, not shown. */
export function HiddenUsername({ email }: { email: string }): VNode {
  return <input type="text" name="username" value={email} autocomplete="username" hidden readOnly />;
}

export function Submit({ children }: { children: ComponentChildren }): VNode {
  return <p><button type="submit">{children}</button></p>;
}

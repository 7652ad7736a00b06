// The Admin API as the app calls it: the staff session cookie goes with every request, changes carry the
// x-csrf-token header (fetched once from GET /api/admin/csrf, fetched again when the server refuses it), and every
// failure becomes an ApiError the screens can show: a field error next to its field, a plain message with a
// retry for 413/429/5xx and for a dropped connection. A 401 (session ended or expired) sends the person to
// sign in and brings them back to where they were; the editor keeps unsaved work in the browser meanwhile.
import { t } from './i18n/index.ts';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string, readonly code?: string) {
    super(message);
  }
  /** Worth trying again as it is: the connection dropped, the server was busy, or it failed on its side. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

const RETURN_KEY = 'khabar.returnTo';
let leaving = false;
/** True once the app is sending the person to sign in (unsaved work is already kept on the device). */
export const leavingToSignIn = () => leaving;
let csrf: Promise<string> | null = null;

function csrfToken(): Promise<string> {
  csrf ??= fetch('/api/admin/csrf', { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<{ token: string }>).then((b) => b.token)
    .catch((err) => { csrf = null; throw err; });
  return csrf;
}

/** Sends the person to the sign-in page, remembering this address to come back to. */
export function signInAgain(): void {
  leaving = true;
  sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
  location.assign('/admin/sign-in');
}

/** The address saved before a sign-in, once (only an address inside the app). */
export function takeReturnAddress(): string | null {
  const to = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return to && /^\/admin(\/|$)/.test(to) && !to.startsWith('//') ? to : null;
}

function plainMessage(status: number, fallback?: string): string {
  if (status === 413) return t('error.too_large');
  if (status === 429) return t('error.too_many');
  if (status >= 500) return t('error.server');
  return fallback || t('error.unknown');
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: { error?: { message?: string; field?: string; code?: string } } = {};
  try { body = await res.json(); } catch { /* not JSON: a proxy's page */ }
  const e = body.error ?? {};
  const message = res.status === 413 || res.status === 429 || res.status >= 500 ? plainMessage(res.status) : plainMessage(res.status, e.message);
  return new ApiError(res.status, message, e.field, e.code);
}

async function send(method: string, path: string, body?: unknown, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, t('error.offline'));
  }
  if (res.status === 403 && !retried && method !== 'GET') {
    // The token may belong to an earlier session (signed in again in another tab): one fresh try.
    csrf = null;
    return send(method, path, body, true);
  }
  return res;
}

/** Calls the Admin API and returns its JSON answer (undefined for 204). */
export async function api<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 401) {
    const err = await errorOf(res);
    onSignedOut(err);
    throw err;
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return res.json() as Promise<T>;
}

/** What happens when the session is gone; the app replaces it (the editor saves to the browser first). */
let onSignedOut: (err: ApiError) => void = () => signInAgain();
export function whenSignedOut(handler: (err: ApiError) => void): void {
  onSignedOut = handler;
}

/** Uploads one file as multipart form data, reporting progress from 0 to 1. */
export async function upload<T>(path: string, form: FormData, progress: (done: number) => void): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, t('error.offline')));
    xhr.onload = () => {
      let body: { error?: { message?: string; field?: string; code?: string } } = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* empty */ }
      if (xhr.status === 401) onSignedOut(new ApiError(401, t('error.signed_out')));
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, plainMessage(xhr.status, body.error?.message), body.error?.field, body.error?.code));
    };
    xhr.send(form);
  });
}

/** A query string from the set values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

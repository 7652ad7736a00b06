// Letters written as bytes without a general-purpose composer: a send's HTML and text are encoded once
// (quoted-printable, RFC 2045 §6.7) with the reader's links left as slots, and each letter only fills in its links,
// its headers and its DKIM signature (RFC 6376, rsa-sha256, relaxed/relaxed). The encoding never leaves a run of
// spaces or a space at a line's end (those are written =20), so the relaxed body is the body as written and its hash
// is taken in one pass. A slot begins and ends at a soft line break, so what is put in it never changes the lines
// around it.
import { createHash, createSign, randomBytes, type KeyObject } from 'node:crypto';
import { PREFS, UNSUB } from './render.ts';

export interface DkimKey {
  domain: string;
  selector: string;
  key: KeyObject | string;
}

export interface MimeLetter {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string | { prepared: true; value: string }>;
  messageId: string;
  /** the reader's links for the slots of html and text; absent: html and text are sent as they are */
  links?: { prefs: string; unsubscribe: string };
}

type Slot = 'prefs' | 'unsubscribe';
interface Encoded { parts: string[]; slots: Slot[] }

const SLOTS = new RegExp(`${PREFS}|${UNSUB}`, 'g');
const MAX_LINE = 75;

/** Quoted-printable of one stretch of text, starting at a line's start; LF becomes CRLF. */
export function quotedPrintable(s: string): string {
  const bytes = Buffer.from(s.replace(/\r\n?/g, '\n'), 'utf8');
  let out = '';
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 10) { out += `${line}\r\n`; line = ''; continue; }
    const next = bytes[i + 1];
    const last = line.charCodeAt(line.length - 1);
    // a space is written as it is only between two other characters on the line (a tab never: relaxed DKIM would
    // make it a space)
    const literal = (b > 32 && b < 127 && b !== 61) || (b === 32 && next !== undefined && next !== 10 && next !== 32 && last !== 32 && line.length > 0);
    const token = literal ? String.fromCharCode(b) : `=${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;
    if (line.length + token.length > MAX_LINE) { out += `${line}=\r\n`; line = ''; }
    line += token;
  }
  return out + line;
}

/** A template's parts, encoded once; each slot sits between two soft line breaks. */
function encode(body: string): Encoded {
  const parts: string[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const m of body.matchAll(SLOTS)) {
    parts.push(`${quotedPrintable(body.slice(from, m.index))}=\r\n`);
    slots.push(m[0] === PREFS ? 'prefs' : 'unsubscribe');
    from = (m.index ?? 0) + m[0].length;
  }
  parts.push(quotedPrintable(body.slice(from)));
  return { parts, slots };
}

const encoded = new Map<string, Encoded>();
/** The encoded template of a body (the few in use at once are kept). */
function encodedOf(body: string): Encoded {
  let e = encoded.get(body);
  if (!e) {
    e = encode(body);
    if (encoded.size >= 8) encoded.delete(encoded.keys().next().value as string);
    encoded.set(body, e);
  }
  return e;
}

function fill(e: Encoded, links: MimeLetter['links'], html: boolean): string {
  if (!e.slots.length) return e.parts[0];
  let out = e.parts[0];
  for (let i = 0; i < e.slots.length; i++) {
    const url = links ? links[e.slots[i]] : '';
    out += `${quotedPrintable(html ? url.replace(/&/g, '&amp;') : url)}=\r\n${e.parts[i + 1]}`;
  }
  return out;
}

/** A header value in words a mail program reads back: as it is when plain ASCII, else UTF-8 encoded words (RFC
 * 2047) of at most 75 characters, folded. */
export function encodeWords(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch) > 39) { words.push(chunk); chunk = ''; }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/** "Name" <address> with the name encoded when it is not ASCII. */
function mailbox(from: string): string {
  const m = /^"(.*)" <([^>]+)>$/.exec(from);
  if (!m) return from;
  return /^[\x20-\x7e]*$/.test(m[1]) ? from : `${encodeWords(m[1])} <${m[2]}>`;
}

/** Relaxed header canonicalization (RFC 6376 §3.4.2). */
const relaxed = (name: string, value: string) => `${name.toLowerCase()}:${value.replace(/\r\n/g, '').replace(/[ \t]+/g, ' ').trim()}`;

/** The whole letter as it goes to the relay: headers, the two parts, and the DKIM signature when a key is given. */
export function composeLetter(l: MimeLetter, dkim?: DkimKey, now = new Date()): Buffer {
  const boundary = `--_khabar_${randomBytes(12).toString('hex')}`;
  const text = fill(encodedOf(l.text), l.links, false);
  const html = fill(encodedOf(l.html), l.links, true);
  const part = (type: string, body: string) => `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}\r\n`;
  const body = `${part('text/plain', text)}${part('text/html', html)}--${boundary}--\r\n`;
  const headers: [string, string][] = [
    ['From', mailbox(l.from)], ['To', l.to], ...(l.replyTo ? [['Reply-To', l.replyTo] as [string, string]] : []), ['Subject', encodeWords(l.subject)],
    ['Date', now.toUTCString().replace('GMT', '+0000')], ['Message-ID', l.messageId], ['MIME-Version', '1.0'],
    ...Object.entries(l.headers).map(([k, v]): [string, string] => [k, typeof v === 'string' ? encodeWords(v) : v.value]),
    ['Content-Type', `multipart/alternative;\r\n boundary="${boundary}"`],
  ];
  const head = headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  if (!dkim) return Buffer.from(`${head}\r\n${body}`);
  const bh = createHash('sha256').update(body).digest('base64');
  const names = headers.map(([k]) => k);
  const sigHead = `v=1; a=rsa-sha256; c=relaxed/relaxed; q=dns/txt;\r\n d=${dkim.domain}; s=${dkim.selector};\r\n t=${Math.floor(now.getTime() / 1000)};\r\n h=${fold(names)};\r\n bh=${bh};\r\n b=`;
  const signed = `${headers.map(([k, v]) => `${relaxed(k, v)}\r\n`).join('')}${relaxed('DKIM-Signature', sigHead)}`;
  const b = createSign('RSA-SHA256').update(signed).sign(dkim.key, 'base64');
  return Buffer.from(`DKIM-Signature: ${sigHead}${b.replace(/(.{72})/g, '$1\r\n ')}\r\n${head}\r\n${body}`);
}

/** Header names for h=, folded after a colon before a line grows past 72 characters (RFC 6376 §3.5 allows it). */
function fold(names: string[]): string {
  let out = '';
  let line = 3;
  for (const [i, n] of names.entries()) {
    const piece = i ? `:${n}` : n;
    if (line + piece.length > 72) { out += ':\r\n '; line = 1; out += n; line += n.length; continue; }
    out += piece;
    line += piece.length;
  }
  return out;
}

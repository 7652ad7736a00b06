// Phases about what a comment says: duplicates, links, word lists, shouting, length, writing system, classifier.
import type { Phase, PhaseResult } from './types.ts';
import { commentLinks } from '../text.ts';
import { findListed, fold } from '../fold.ts';
import { dominantScript } from '../scripts.ts';

export const duplicate: Phase = (f) => {
  if (f.sameBody) return { phase: 'duplicate', reason: 'the same text from the same person recently', action: 'refuse', status: 409, messageKey: 'comments.error.duplicate' };
  if (f.nearDuplicate >= 0.8) return { phase: 'duplicate', reason: `${Math.round(f.nearDuplicate * 100)}% the same as another recent comment`, delta: -0.35 };
  return null;
};

export const links: Phase = (f, s) => {
  const found = commentLinks(f.draft.body);
  const out: PhaseResult[] = [];
  const blockedDomains = s.blockedDomains.map((d) => fold(d).replace(/^\.+|\.+$/g, ''));
  for (const url of found) {
    const host = url.hostname.toLowerCase();
    const hit = blockedDomains.find((d) => host === d || host.endsWith(`.${d}`));
    if (hit) out.push({ phase: 'links', reason: `links to the blocked domain ${hit}`, delta: -0.6 });
  }
  if (found.length >= s.linksHoldAt) out.push({ phase: 'links', reason: `${found.length} links`, action: 'hold', delta: -0.1 * Math.min(found.length, 5) });
  else if (found.length > 0 && s.holdFirstTimeLinks && f.approvedBefore === 0) out.push({ phase: 'links', reason: 'a link from a first-time commenter', action: 'hold' });
  return out;
};

export const words: Phase = (f, s) => {
  const hit = findListed(`${f.draft.name}\n${f.draft.body}`, s.blockedWords);
  return hit ? { phase: 'words', reason: `contains the blocked word "${hit}"`, delta: -0.6 } : null;
};

export const caps: Phase = (f) => {
  const letters = f.draft.body.match(/\p{L}/gu) ?? [];
  const cased = letters.filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (cased.length < 12) return null;
  const upper = cased.filter((c) => c === c.toUpperCase()).length / cased.length;
  return upper >= 0.7 ? { phase: 'caps', reason: `${Math.round(upper * 100)}% capital letters`, delta: -0.2 } : null;
};

export const length: Phase = (f, s) => {
  const n = [...f.draft.body.trim()].length;
  if (n < 10) return { phase: 'length', reason: `very short (${n} characters)`, delta: -0.1 };
  if (n > s.bodyMax * 0.8) return { phase: 'length', reason: `very long (${n} characters)`, delta: -0.1 };
  return null;
};

export const script: Phase = (f) => {
  const found = dominantScript(f.draft.body);
  if (!found || f.scripts.length === 0 || f.scripts.includes(found)) return null;
  return { phase: 'script', reason: `written in ${found} script; the site expects ${f.scripts.join(', ')}`, delta: -0.3 };
};

export const classifier: Phase = (f) => {
  const p = f.spamProbability;
  if (p === null) return null;
  // Confident spam costs up to 0.6; confident ham earns up to 0.2 back against other penalties.
  const delta = p > 0.5 ? -((p - 0.5) / 0.5) * 0.6 : ((0.5 - p) / 0.5) * 0.2;
  return { phase: 'classifier', reason: `spam probability ${p.toFixed(2)}`, delta: Math.round(delta * 1000) / 1000 };
};

// A naive Bayes spam classifier that learns from moderators' approve (ham) and spam decisions, stored in the
// database so every instance judges alike. Words are folded first, and linked hosts count as words.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { words } from './fold.ts';
import { commentLinks } from './text.ts';

type Q = Kysely<Database>;
export type Label = 'spam' | 'ham';

/** Below this many learnt comments of either kind the classifier stays silent. */
export const MIN_DOCS = 5;

/** The distinct features of a text: folded words of 2-30 letters and linked hosts. */
export function features(text: string): string[] {
  const set = new Set(words(text).filter((w) => w.length >= 2 && w.length <= 30));
  for (const u of commentLinks(text)) set.add(`host:${u.hostname.toLowerCase()}`);
  return [...set].slice(0, 300);
}

export interface Counts {
  spamDocs: number;
  hamDocs: number;
  /** per known feature: in how many spam and ham comments it appeared */
  words: { spam: number; ham: number }[];
}

/** Bernoulli naive Bayes over the features present, Laplace-smoothed; null until trained on both kinds. */
export function spamProbabilityFrom(c: Counts): number | null {
  if (c.spamDocs < MIN_DOCS || c.hamDocs < MIN_DOCS) return null;
  let logSpam = Math.log(c.spamDocs / (c.spamDocs + c.hamDocs));
  let logHam = Math.log(c.hamDocs / (c.spamDocs + c.hamDocs));
  for (const w of c.words) {
    logSpam += Math.log((w.spam + 1) / (c.spamDocs + 2));
    logHam += Math.log((w.ham + 1) / (c.hamDocs + 2));
  }
  const p = 1 / (1 + Math.exp(logHam - logSpam));
  return Math.round(p * 1000) / 1000;
}

/** The spam probability of a text from the stored counts. */
export async function spamProbability(db: Q, text: string): Promise<number | null> {
  const docs = await db.selectFrom('comment_classifier_docs').select(['label', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('label').execute();
  const spamDocs = Number(docs.find((d) => d.label === 'spam')?.n ?? 0);
  const hamDocs = Number(docs.find((d) => d.label === 'ham')?.n ?? 0);
  if (spamDocs < MIN_DOCS || hamDocs < MIN_DOCS) return null;
  const f = features(text);
  const rows = f.length ? await db.selectFrom('comment_classifier_words').select(['spam', 'ham']).where('word', 'in', f).execute() : [];
  return spamProbabilityFrom({ spamDocs, hamDocs, words: rows.map((r) => ({ spam: Number(r.spam), ham: Number(r.ham) })) });
}

/** Learns a comment as spam or ham; a comment learnt before under the other label is unlearnt first. */
export async function learn(db: Q, commentId: number, label: Label, text: string): Promise<void> {
  const before = await db.selectFrom('comment_classifier_docs').select(['label', 'words']).where('comment_id', '=', commentId).executeTakeFirst();
  if (before?.label === label) return;
  if (before) {
    await bump(db, JSON.parse(before.words) as string[], before.label as Label, -1);
    await db.deleteFrom('comment_classifier_docs').where('comment_id', '=', commentId).execute();
  }
  const f = features(text);
  await bump(db, f, label, 1);
  await db.insertInto('comment_classifier_docs').values({ comment_id: commentId, label, words: JSON.stringify(f) }).execute();
}

async function bump(db: Q, f: string[], label: Label, by: 1 | -1): Promise<void> {
  for (const word of f) {
    if (by === 1) {
      await db.insertInto('comment_classifier_words').values({ word, spam: label === 'spam' ? 1 : 0, ham: label === 'ham' ? 1 : 0 })
        .onConflict((oc) => oc.column('word').doUpdateSet((eb) => ({ [label]: eb(`comment_classifier_words.${label}`, '+', 1) })))
        .execute();
    } else {
      await db.updateTable('comment_classifier_words').set((eb) => ({ [label]: eb(label, '-', 1) })).where('word', '=', word).where(label, '>', 0).execute();
    }
  }
}

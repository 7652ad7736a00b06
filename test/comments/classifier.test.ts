import { test } from 'node:test';
import assert from 'node:assert/strict';
import { features, spamProbabilityFrom, MIN_DOCS } from '../../src/comments/classifier.ts';

test('features are folded words and linked hosts, each once', () => {
  assert.deepEqual(features('Buy BUY cheap https://Pills.Example/x يك'), ['buy', 'cheap', 'https', 'pills', 'example', 'یک', 'host:pills.example']);
});

test('naive Bayes: silent until both kinds are learnt, then leans the right way', () => {
  assert.equal(spamProbabilityFrom({ spamDocs: MIN_DOCS - 1, hamDocs: 50, words: [{ spam: 4, ham: 0 }] }), null);
  const spam = spamProbabilityFrom({ spamDocs: 10, hamDocs: 10, words: [{ spam: 9, ham: 0 }, { spam: 8, ham: 1 }] });
  const ham = spamProbabilityFrom({ spamDocs: 10, hamDocs: 10, words: [{ spam: 0, ham: 9 }, { spam: 1, ham: 7 }] });
  const unknown = spamProbabilityFrom({ spamDocs: 10, hamDocs: 10, words: [] });
  assert.ok(spam! > 0.95, String(spam));
  assert.ok(ham! < 0.05, String(ham));
  assert.equal(unknown, 0.5);
  // Priors matter when the words say nothing.
  assert.ok(spamProbabilityFrom({ spamDocs: 90, hamDocs: 10, words: [] })! > 0.8);
});

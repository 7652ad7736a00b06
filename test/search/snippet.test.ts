// The snippet under a search result: the window of the text with the most query words, marked, cut with '…'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetOf } from '../../src/search/snippet.ts';
import { MARK_END as E, MARK_START as S } from '../../src/search/normalise.ts';

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

test('a match near the start shows the text from its start, marked whatever its case', () => {
  assert.equal(snippetOf('Floods reach Kandahar, said the report.', ['kandahar'], 24), `Floods reach ${S}Kandahar${E}, said the report.`);
});

test('the window with the most different query words wins over one with more of a single word', () => {
  const text = `${words(30, 'a')} kabul kabul kabul ${words(30, 'b')} kabul budget ${words(30, 'c')}`;
  assert.equal(snippetOf(text, ['kabul', 'budget'], 6), `…b27 b28 b29 ${S}kabul${E} ${S}budget${E} c0…`);
});

test('Dari text is cut on word boundaries; no match shows the opening words', () => {
  assert.equal(snippetOf('مردم کابل میروند و دانشگاهها بسته‌اند', ['کابل'], 3), `مردم ${S}کابل${E} میروند…`);
  assert.equal(snippetOf(words(10), ['absent'], 3), 'word0 word1 word2…');
  assert.equal(snippetOf('', ['x']), '');
});

test('a snippet cut from the story as written keeps its ZWNJ, letter forms and Persian digits, and still finds the words', () => {
  const text = 'مردم می‌گویند که ۱۲ مکتب در كابل بسته شده‌اند.';
  assert.equal(snippetOf(text, ['میگویند', 'کابل'], 24), `مردم ${S}می‌گویند${E} که ۱۲ مکتب در ${S}كابل${E} بسته شده‌اند.`);
  assert.equal(snippetOf(text, ['12'], 24), `مردم می‌گویند که ${S}۱۲${E} مکتب در كابل بسته شده‌اند.`);
});

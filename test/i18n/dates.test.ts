// Dates are remembered once formatted; every part of the key (instant, language, zone, calendar, style) still counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, localDay } from '../../src/i18n/dates.ts';
import { remember } from '../../src/remember.ts';

test('remember keeps at most its size and forgets the oldest first', () => {
  const memo = remember<number>(2);
  let made = 0;
  const get = (k: string) => memo(k, () => ++made);
  assert.equal(get('a'), 1);
  assert.equal(get('a'), 1, 'remembered');
  assert.equal(get('b'), 2);
  assert.equal(get('c'), 3, 'a is forgotten to make room');
  assert.equal(get('b'), 2);
  assert.equal(get('a'), 4, 'made again');
});

test('formatted dates differ by every part of what was asked, also when asked again', () => {
  const kabul = { timeZone: 'Asia/Kabul', calendar: 'gregorian' as const };
  const at = '2026-03-20T20:00:00.000Z'; // 00:30 on 21 March in Kabul: Nowruz, 1 Hamal 1405
  for (let round = 0; round < 2; round++) {
    assert.equal(formatDate(at, 'en', kabul), '21 March 2026');
    assert.equal(formatDate(at, 'en', { ...kabul, timeZone: 'UTC' }), '20 March 2026');
    assert.equal(formatDate(at, 'en', { ...kabul, calendar: 'solar-hijri' }), '1 Hamal 1405 AP');
    assert.match(formatDate(at, 'fa', { ...kabul, calendar: 'solar-hijri' }), /۱۴۰۵/);
    assert.match(formatDate(at, 'en', kabul, 'datetime'), /^21 March 2026( at|,) 00:30$/);
    assert.equal(formatDate(new Date(Date.parse(at) + 86_400_000), 'en', kabul), '22 March 2026');
    assert.equal(localDay(new Date(at), 'Asia/Kabul'), '2026-03-21');
    assert.equal(localDay(new Date(at), 'UTC'), '2026-03-20');
  }
  assert.throws(() => formatDate('not a date', 'en', kabul), RangeError);
});

test('Solar Hijri months: Afghan names for fa-AF and Pashto, Iranian ones for fa-IR, through the one formatter', () => {
  const at = '2026-03-20T20:00:00.000Z'; // 1 Hamal (Farvardin) 1405 in Kabul
  const afghan = { timeZone: 'Asia/Kabul', calendar: 'solar-hijri' as const };
  const iranian = { ...afghan, persianLocale: 'fa-IR' as const };
  assert.equal(formatDate(at, 'fa', afghan), '۱ حمل ۱۴۰۵');
  assert.equal(formatDate(at, 'fa', { ...afghan, persianLocale: 'fa-AF' }), '۱ حمل ۱۴۰۵', 'fa-AF is the default');
  assert.equal(formatDate(at, 'en', afghan), '1 Hamal 1405 AP');
  assert.equal(formatDate(at, 'fa', iranian), '۱ فروردین ۱۴۰۵');
  assert.equal(formatDate(at, 'en', iranian), '1 Farvardin 1405 AP');
  // Pashto is written in Afghanistan: وری (Hamal) whichever Persian the site's Dari follows.
  for (const d of [afghan, iranian]) assert.match(formatDate(at, 'ps', d), /وری/);
  // Month-long styles too: the 12th month is Hut in Afghanistan, Esfand in Iran.
  const hut = '2027-03-01T08:00:00.000Z';
  assert.equal(formatDate(hut, 'fa', afghan, 'month'), '۱۴۰۵ حوت');
  assert.equal(formatDate(hut, 'fa', iranian, 'month'), '۱۴۰۵ اسفند');
  assert.equal(formatDate(hut, 'en', afghan, 'month'), 'Hut 1405 AP');
  assert.equal(formatDate(hut, 'en', iranian, 'month'), 'Esfand 1405 AP');
  // A Gregorian site is untouched by the setting's Solar Hijri names, but writes Gregorian months each locale's way.
  assert.equal(formatDate(at, 'fa', { ...afghan, calendar: 'gregorian' }), '۲۱ مارچ ۲۰۲۶');
  assert.equal(formatDate(at, 'fa', { ...iranian, calendar: 'gregorian' }), '۲۱ مارس ۲۰۲۶');
});

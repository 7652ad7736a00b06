// Dates are remembered once formatted; every part of the key (instant, language, zone, calendar, style) still counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dualDate, formatDate, localDay, separatorOf } from '../../src/i18n/dates.ts';
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
  assert.equal(formatDate(hut, 'fa', afghan, 'month'), 'حوت ۱۴۰۵');
  assert.equal(formatDate(hut, 'fa', iranian, 'month'), 'اسفند ۱۴۰۵');
  assert.equal(formatDate(hut, 'en', afghan, 'month'), 'Hut 1405 AP');
  assert.equal(formatDate(hut, 'en', iranian, 'month'), 'Esfand 1405 AP');
  // A Gregorian site is untouched by the setting's Solar Hijri names, but writes Gregorian months each locale's way.
  assert.equal(formatDate(at, 'fa', { ...afghan, calendar: 'gregorian' }), '۲۱ مارچ ۲۰۲۶');
  assert.equal(formatDate(at, 'fa', { ...iranian, calendar: 'gregorian' }), '۲۱ مارس ۲۰۲۶');
});

test('Dari and Pashto dates are in their own script: no Latin era, no Latin comma, their own weekday order', () => {
  const at = '2026-12-07T08:00:00.000Z'; // Monday 16 Qaws 1405, 12:30 in Kabul
  const site = { timeZone: 'Asia/Kabul' }; // no calendar chosen: Solar Hijri for Dari and Pashto, Gregorian for English
  assert.equal(formatDate(at, 'fa', site, 'weekday'), 'دوشنبه، ۱۶ قوس ۱۴۰۵');
  assert.equal(formatDate(at, 'ps', site, 'weekday'), 'دونۍ، ۱۶ لیندۍ ۱۴۰۵');
  assert.equal(formatDate(at, 'ps', site), '۱۶ لیندۍ ۱۴۰۵');
  assert.equal(formatDate(at, 'ps', site, 'datetime'), '۱۶ لیندۍ ۱۴۰۵، ۱۲:۳۰');
  assert.equal(formatDate(at, 'ps', site, 'month'), 'لیندۍ ۱۴۰۵');
  assert.equal(formatDate(at, 'fa', site, 'datetime'), '۱۶ قوس ۱۴۰۵ ساعت ۱۲:۳۰');
  assert.equal(formatDate(at, 'en', site, 'weekday'), 'Monday, 7 December 2026');
  const gregorian = { timeZone: 'Asia/Kabul', calendars: { ps: { calendar: 'gregorian' as const, secondDate: false } } };
  assert.equal(formatDate(at, 'ps', gregorian, 'weekday'), 'دونۍ، ۷ دسمبر ۲۰۲۶');
  // Every month of both calendars, every style: not one Latin letter, not one Latin comma or middle dot.
  for (let day = 0; day < 366; day += 7) {
    const when = new Date(Date.parse('2026-01-03T05:00:00Z') + day * 86_400_000);
    for (const lang of ['fa', 'ps']) for (const calendar of ['gregorian', 'solar-hijri'] as const) for (const style of ['date', 'datetime', 'month', 'weekday'] as const) {
      const text = formatDate(when, lang, { timeZone: 'Asia/Kabul', calendar }, style);
      assert.doesNotMatch(text, /[A-Za-z0-9,·]/, `${lang} ${calendar} ${style}: ${text}`);
    }
  }
});

test('a second date in the other calendar, each with its era mark in the language\'s script, only when asked', () => {
  const at = '2026-12-07T08:00:00.000Z';
  const both = { timeZone: 'Asia/Kabul', calendars: { fa: { calendar: 'solar-hijri' as const, secondDate: true }, ps: { calendar: 'solar-hijri' as const, secondDate: true }, en: { calendar: 'gregorian' as const, secondDate: true } } };
  assert.deepEqual(dualDate(at, 'fa', both), { first: 'دوشنبه، ۱۶ قوس ۱۴۰۵ هـ.ش', second: '۷ دسمبر ۲۰۲۶ م' });
  assert.deepEqual(dualDate(at, 'ps', both), { first: 'دونۍ، ۱۶ لیندۍ ۱۴۰۵ لمریز', second: '۷ دسمبر ۲۰۲۶ زیږدیز' });
  assert.deepEqual(dualDate(at, 'en', both), { first: 'Monday, 7 December 2026 AD', second: '16 Qaws 1405 SH' });
  assert.equal(dualDate(at, 'fa', { timeZone: 'Asia/Kabul' }), null, 'one date unless the site asks for two');
  assert.equal(separatorOf('fa'), '، ');
  assert.equal(separatorOf('en'), ' · ');
});

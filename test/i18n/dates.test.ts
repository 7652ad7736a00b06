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

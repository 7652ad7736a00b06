// If-None-Match as clients send it: lists, weak and strong forms, spaces, garbage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesEtag } from '../../src/http/send_page.ts';

test('If-None-Match names an ETag by weak comparison, in a list, with or without W/', () => {
  const etag = 'W/"abc"';
  for (const header of ['W/"abc"', '"abc"', '"x", W/"abc"', '"x",W/"abc" ', '  "abc"  ']) assert.equal(namesEtag(header, etag), true, header);
  assert.equal(namesEtag('"abc"', '"abc"'), true, 'a strong ETag too');
  for (const header of [undefined, '', '"abcd"', 'W/"ab"', 'abc', '"ABC"', ',,,', 'W/']) assert.equal(namesEtag(header, etag), false, String(header));
});

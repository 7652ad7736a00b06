// The app's request and answer types are generated from the Admin API's document (npm run api-types): the
// checked-in file must be what a fresh generation from today's endpoint declarations gives, so a change to an
// operation's schemas that is not carried into the app fails here (and in CI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, apiDocument, apiTypesSource } from '../../scripts/api_types.ts';

test('api types: the checked-in admin-ui/src/api_types.gen.ts is a fresh generation from the declarations', async () => {
  const fresh = await apiTypesSource(await apiDocument());
  const kept = readFileSync(API_TYPES_FILE, 'utf8');
  if (kept === fresh) return;
  const a = kept.split('\n');
  const b = fresh.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  assert.fail(`admin-ui/src/api_types.gen.ts is out of date (first difference at line ${line + 1}: ` +
    `kept ${JSON.stringify(a[line] ?? '')}, fresh ${JSON.stringify(b[line] ?? '')}); run npm run api-types and commit the result`);
});

test('api types: the generation names the operations and their schemas', async () => {
  const source = await apiTypesSource(await apiDocument());
  assert.match(source, /"\/api\/admin\/auth\/me": \{/);
  assert.match(source, /export interface operations \{/);
  // An answer declared in the document reaches the app as a type, with its description.
  assert.match(source, /getMe: \{[^]*?200: \{[^]*?capabilities: string\[\]/);
});

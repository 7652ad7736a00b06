// Data saver: a reader whose browser sends `Save-Data: on` (RFC draft "Save-Data", a browser or OS data-saver
// setting) gets pages whose pictures load only their smallest variant. The page differs by that header, so it is
// part of the page cache's key and named in Vary. The reader's own toggle needs no cookie: it is the lite edition
// (/lite/...), text-only pages that a link on every page leads to.
import type { IncomingHttpHeaders } from 'node:http';
import { createContext } from 'preact';

/** Whether the page being rendered is for a reader saving data (read by the picture view). */
export const SaveData = createContext(false);

/** True only for a well-formed `Save-Data: on` (the one token defined); anything else is an ordinary request. */
export function savesData(req: { headers: IncomingHttpHeaders }): boolean {
  const v = req.headers['save-data'];
  return typeof v === 'string' && v.trim().toLowerCase() === 'on';
}

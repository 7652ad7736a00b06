// What a channel's API answered to a post or an edit.

/** Posted (with its id), try again (after retryAfter seconds), failed for good, or not known whether it was posted. */
export type ApiAnswer =
  | { kind: 'ok'; remoteId: string }
  | { kind: 'retry'; error: string; retryAfter?: number }
  | { kind: 'failed'; error: string }
  | { kind: 'unknown'; error: string };

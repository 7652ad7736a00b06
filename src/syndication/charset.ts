// Turning fetched bytes into text: partner pages arrive in UTF-8, windows-1256 (older Persian sites) and
// ISO-8859-1. The label comes from the Content-Type header, a byte-order mark, or the document's own
// declaration (<meta charset>, <?xml encoding?>), in that order; anything unknown is read as UTF-8.

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** The charset a document declares in its first kilobytes (HTML meta or XML declaration). */
function declared(head: string): string | null {
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] ?? null;
}

/** The charset named in a Content-Type header value, if any. */
export function headerCharset(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

/** Decodes a response body; invalid bytes become U+FFFD rather than failing the item. */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder('utf-8').decode(body.subarray(3));
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body.subarray(2));
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body.subarray(2));
  const fromHeader = decoderFor(headerCharset(contentType));
  if (fromHeader) return fromHeader.decode(body);
  const fromDocument = decoderFor(declared(body.subarray(0, 2048).toString('latin1')));
  return (fromDocument ?? new TextDecoder('utf-8')).decode(body);
}

// Helpers for Admin API tests: JSON calls with a signed-in staff member's headers, multipart uploads, test images.
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import type { TestApp } from '../helpers/context.ts';

export type Headers = Record<string, string>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API as the holder of `headers`; returns status and parsed JSON (or null). */
export async function call(t: TestApp, headers: Headers | null, method: Method, url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: { ...(headers ?? {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  let body: any = null;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body, res };
}

/** A multipart/form-data body with one file and some text fields. */
export function multipart(file: { name: string; type: string; bytes: Buffer; field?: string }, fields: Record<string, string> = {}) {
  const boundary = '----khabar' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file to /api/admin/media. */
export async function upload(t: TestApp, headers: Headers | null, file: { name: string; type: string; bytes: Buffer; field?: string }, fields: Record<string, string> = {}) {
  const m = multipart(file, fields);
  const res = await t.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...(headers ?? {}), 'content-type': m.contentType }, payload: m.payload });
  return { status: res.statusCode, body: JSON.parse(res.body || 'null'), res };
}

export async function jpeg(color = '#336699', w = 800, h = 450): Promise<Buffer> {
  return sharp({ create: { width: w, height: h, channels: 3, background: color } }).jpeg().toBuffer();
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A tiny PNG whose header claims `w` x `h` pixels: a decompression bomb as far as a decoder is concerned. */
export function bombPng(w = 100_000, h = 100_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc(1 + Math.min(w, 1000)), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

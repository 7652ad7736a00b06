// Reader addresses: the network an address belongs to (/24 for IPv4, /64 for IPv6), used by rate limits and blocks.
import { isIPv4, isIPv6 } from 'node:net';

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) becomes plain IPv4; IPv6 is written in full lower-case form. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return expandIpv6(ip).join(':');
  return ip;
}

/** The /24 or /64 network of an address, as "203.0.113.0/24" or "2001:0db8:0001:0002::/64". */
export function networkOf(ip: string): string {
  const n = normalizeIp(ip);
  if (isIPv4(n)) return `${n.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(n)) return `${expandIpv6(n).slice(0, 4).join(':')}::/64`;
  return n;
}

/** Parses a moderator's network entry ("203.0.113.7/24", "2001:db8::/64", or a bare address) into networkOf form. */
export function parseNetwork(value: string): string | null {
  const m = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(value.trim());
  if (!m) return null;
  const ip = m[1];
  const bits = m[2] === undefined ? null : Number(m[2]);
  if (isIPv4(normalizeIp(ip)) && (bits === null || bits === 24)) return networkOf(ip);
  if (isIPv6(ip) && (bits === null || bits === 64)) return networkOf(ip);
  return null;
}

/** Whether the text is an IPv4 or IPv6 address; returns its normal form or null. */
export function parseIp(value: string): string | null {
  const v = value.trim();
  return isIPv4(v) || isIPv6(v) ? normalizeIp(v) : null;
}

function expandIpv6(ip: string): string[] {
  let addr = ip.toLowerCase().split('%')[0];
  // An embedded IPv4 tail (::ffff:1.2.3.4 kept as IPv6, 64:ff9b::1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (v4) {
    const p = v4[1].split('.').map(Number);
    addr = addr.slice(0, -v4[1].length) + `${((p[0] << 8) | p[1]).toString(16)}:${((p[2] << 8) | p[3]).toString(16)}`;
  }
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0'));
}

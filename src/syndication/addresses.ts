// Which network addresses the fetcher may connect to. Partner URLs are stored by editors and followed by the
// server, so every address is checked after DNS resolution: private, loopback, link-local (cloud metadata
// lives at 169.254.169.254) and other special ranges are refused unless KHABAR_FETCH_ALLOW names them.
import { BlockList, isIP } from 'node:net';

/** Special-purpose ranges (IANA registries) a server-side fetch must never reach by default. */
const REFUSED_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4',
  '240.0.0.0/4',
];
// ::/96: IPv4-compatible addresses (deprecated, RFC 4291 2.5.5.1), ::127.0.0.1 among them; it holds :: and ::1.
const REFUSED_V6 = ['::/96', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

function listOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) addNetwork(list, entry);
  return list;
}

function addNetwork(list: BlockList, entry: string): void {
  const [address = '', bits] = entry.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(bits), family);
}

const refused = listOf([...REFUSED_V4, ...REFUSED_V6]);

/** IPv4 written inside IPv6 (::ffff:10.0.0.1 or ::ffff:a00:1) is judged as the IPv4 address it is. */
function unwrapMapped(address: string): string {
  const m = /^::ffff:(?:0+:)?(.+)$/i.exec(address);
  if (!m?.[1]) return address;
  if (isIP(m[1]) === 4) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex?.[1] || !hex[2]) return address;
  const hi = Number.parseInt(hex[1], 16);
  const lo = Number.parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** The rule the fetcher applies: public addresses, plus whatever the newsroom allowed explicitly. */
export class AddressRule {
  private readonly allowed: BlockList;
  constructor(allow: readonly string[]) {
    this.allowed = listOf([...allow]);
  }

  permits(raw: string): boolean {
    const address = unwrapMapped(raw.replace(/^\[|\]$/g, ''));
    const family = isIP(address);
    if (!family) return false;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (this.allowed.check(address, type)) return true;
    return !refused.check(address, type);
  }
}

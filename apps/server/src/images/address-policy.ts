import { BlockList, isIP } from 'node:net';

/** Decides whether the server may connect to an IP address when fetching an image URL. */
export interface AddressPolicy {
  /** Why the address is refused, or undefined when it may be used. */
  refusalReason(address: string): string | undefined;
}

type Range = [network: string, prefix: number, label: string];

// Addresses that point back into the host or its networks: refused unless private URLs are allowed.
const privateRanges4: Range[] = [
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['169.254.0.0', 16, 'link-local'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['192.0.0.0', 24, 'IETF protocol assignment'],
  ['198.18.0.0', 15, 'benchmarking'],
];
const privateRanges6: Range[] = [
  ['::1', 128, 'loopback'],
  ['fe80::', 10, 'link-local'],
  ['fc00::', 7, 'unique-local'],
  ['fec0::', 10, 'site-local'],
];
// Addresses no image lives at: refused always (0.0.0.0 even reaches the local host on Linux).
const unusableRanges4: Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
];
const unusableRanges6: Range[] = [
  ['::', 128, 'unspecified'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'documentation'],
  ['100::', 64, 'discard-only'],
];

function buildLists(ranges4: Range[], ranges6: Range[]): Array<{ list: BlockList; label: string }> {
  return [...ranges4.map((range) => [range, 'ipv4'] as const), ...ranges6.map((range) => [range, 'ipv6'] as const)].map(([[network, prefix, label], family]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, label };
  });
}

const privateLists = buildLists(privateRanges4, privateRanges6);
const unusableLists = buildLists(unusableRanges4, unusableRanges6);

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const bytes = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

const ipv4Of = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * The IPv4 address an IPv6 address stands for, in every form that embeds one: IPv4-mapped
 * `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d`, IPv4-compatible `::a.b.c.d` (deprecated, still
 * routed by some stacks), NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`, 6to4 `2002::/16` and Teredo
 * `2001::/32` (its client address, inverted). Written in hex or dotted, compressed or not: the groups
 * are compared, not the text.
 */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  if (!g) return undefined;
  const zeros = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Of(g[6]!, g[7]!); // ::ffff:a.b.c.d
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4Of(g[6]!, g[7]!); // ::ffff:0:a.b.c.d
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return ipv4Of(g[6]!, g[7]!); // ::a.b.c.d, not :: or ::1
  if (g[0] === 0x64 && g[1] === 0xff9b && (zeros(2, 6) || g[2] === 1)) return ipv4Of(g[6]!, g[7]!);
  if (g[0] === 0x2002) return ipv4Of(g[1]!, g[2]!);
  if (g[0] === 0x2001 && g[1] === 0) return ipv4Of(g[6]! ^ 0xffff, g[7]! ^ 0xffff);
  return undefined;
}

function classify(address: string, lists: Array<{ list: BlockList; label: string }>): string | undefined {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  for (const { list, label } of lists) if (list.check(address, family)) return label;
  return undefined;
}

/**
 * The default policy: public unicast addresses only. With `allowPrivateAddresses`, loopback, private,
 * link-local, unique-local and CGNAT addresses are allowed too; unspecified, multicast, reserved and
 * documentation addresses never are.
 */
export function createAddressPolicy({ allowPrivateAddresses }: { allowPrivateAddresses: boolean }): AddressPolicy {
  return {
    refusalReason(address) {
      const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
      if (isIP(bare) === 0) return 'not an IP address';
      const embedded = isIP(bare) === 6 ? embeddedIpv4(bare) : undefined;
      if (embedded !== undefined) return this.refusalReason(embedded);
      const unusable = classify(bare, unusableLists);
      if (unusable) return `${unusable} address`;
      if (allowPrivateAddresses) return undefined;
      const internal = classify(bare, privateLists);
      return internal ? `${internal} address; set FLOW_ALLOW_PRIVATE_URLS=true to allow it` : undefined;
    },
  };
}

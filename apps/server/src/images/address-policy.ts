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

/**
 * IPv6 forms that carry an IPv4 address (NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4
 * address; IPv4-mapped `::ffff:a.b.c.d` is matched by BlockList itself.
 */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const nat64 = /^64:ff9b::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  const dotted = /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  const pair = nat64 ?? sixToFour;
  if (!pair) return undefined;
  const high = parseInt(pair[1]!, 16);
  const low = parseInt(pair[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
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
      const embedded = embeddedIpv4(bare);
      if (embedded !== undefined) return this.refusalReason(embedded);
      const unusable = classify(bare, unusableLists);
      if (unusable) return `${unusable} address`;
      if (allowPrivateAddresses) return undefined;
      const internal = classify(bare, privateLists);
      return internal ? `${internal} address; set FLOW_ALLOW_PRIVATE_URLS=true to allow it` : undefined;
    },
  };
}

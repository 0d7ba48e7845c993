import * as ipaddr from 'ipaddr.js';

export type CidrRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses `10.0.0.0/8,::1/128`; throws on the first bad entry. */
export function parseCidrList(list: string[] | string): CidrRange[] {
  const entries = typeof list === 'string' ? list.split(',').map((s) => s.trim()).filter(Boolean) : list;
  return entries.map((entry) => ipaddr.parseCIDR(entry));
}

export function isCidrList(value: string): boolean {
  try {
    return parseCidrList(value).length > 0;
  } catch {
    return false;
  }
}

/**
 * True when `address` lies in one of `ranges`. IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, as a dual-stack
 * socket reports IPv4 peers) are compared as IPv4, so `127.0.0.1/32` matches them.
 */
export function isInRanges(address: string | undefined, ranges: CidrRange[]): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return ranges.some(([network, bits]) => ip.kind() === network.kind() && ip.match([network, bits] as never));
}

import { isCidrList, isInRanges, parseCidrList } from './ip-ranges';

describe('ip ranges', () => {
  const loopback = parseCidrList('127.0.0.1/32,::1/128');

  it('matches an address inside a range and refuses one outside', () => {
    expect(isInRanges('127.0.0.1', loopback)).toBe(true);
    expect(isInRanges('127.0.0.2', loopback)).toBe(false);
    expect(isInRanges('10.1.2.3', parseCidrList('10.0.0.0/8'))).toBe(true);
  });

  it('treats IPv4-mapped IPv6 peers as IPv4', () => {
    expect(isInRanges('::ffff:127.0.0.1', loopback)).toBe(true);
    expect(isInRanges('::ffff:127.0.0.2', loopback)).toBe(false);
  });

  it('matches IPv6 ranges and refuses garbage', () => {
    expect(isInRanges('::1', loopback)).toBe(true);
    expect(isInRanges('not-an-ip', loopback)).toBe(false);
    expect(isInRanges(undefined, loopback)).toBe(false);
  });

  it('validates CIDR lists', () => {
    expect(isCidrList('10.0.0.0/8, fd00::/8')).toBe(true);
    expect(isCidrList('10.0.0.0/33')).toBe(false);
    expect(isCidrList('nonsense')).toBe(false);
  });

  it('skips empty entries of a setting, and counts an empty list as no range (not a valid CIDR list)', () => {
    expect(parseCidrList('10.0.0.0/8, ,,::1/128,')).toHaveLength(2);
    expect(parseCidrList('')).toEqual([]);
    expect(isCidrList('')).toBe(false);
    expect(isCidrList(' , ')).toBe(false);
    expect(isInRanges('10.0.0.1', parseCidrList(''))).toBe(false);
  });

  it('takes a list already split (an array of entries) as it is', () => {
    const ranges = parseCidrList(['10.0.0.0/8', '::1/128']);
    expect(isInRanges('10.2.3.4', ranges)).toBe(true);
    expect(isInRanges('::1', ranges)).toBe(true);
    expect(() => parseCidrList(['10.0.0.0/8', 'nonsense'])).toThrow();
  });
});

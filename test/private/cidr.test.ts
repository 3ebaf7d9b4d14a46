import { cidrContains, cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from '../../src/private/cidr';

const parsed = (text: string): Ipv4Cidr => {
  const result = parseIpv4Cidr(text);
  if (typeof result === 'string') {
    throw new Error(`${text} ${result}`);
  }
  return result;
};

describe('parseIpv4Cidr', () => {
  test.each([
    // [text, first address, last address, prefix]: the arithmetic written out.
    ['10.0.0.0/16', 10 * 2 ** 24, 10 * 2 ** 24 + 2 ** 16 - 1, 16],
    ['0.0.0.0/0', 0, 2 ** 32 - 1, 0],
    ['255.255.255.255/32', 2 ** 32 - 1, 2 ** 32 - 1, 32],
    ['192.168.1.16/28', ((192 * 256 + 168) * 256 + 1) * 256 + 16, ((192 * 256 + 168) * 256 + 1) * 256 + 31, 28],
    ['172.16.0.0/12', (172 * 256 + 16) * 2 ** 16, (172 * 256 + 31) * 2 ** 16 + 2 ** 16 - 1, 12],
    ['1.2.3.4/32', ((1 * 256 + 2) * 256 + 3) * 256 + 4, ((1 * 256 + 2) * 256 + 3) * 256 + 4, 32],
  ])('%s: first %d, last %d, prefix /%d', (text, first, last, prefixLength) => {
    expect(parseIpv4Cidr(text)).toEqual({ text, first, last, prefixLength });
  });

  test.each([
    // The syntax, anchored at both ends.
    ['10.0.0.0', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['x10.0.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0.0/16x', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    [' 10.0.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10,0.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0.0/', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0.0/100', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['1000.0.0.0/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['a.b.c.d/16', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    // Octets: 0-255, no leading zero; each position checked.
    ['256.0.0.0/8', 'has an octet outside 0-255 or with a leading zero'],
    ['10.256.0.0/16', 'has an octet outside 0-255 or with a leading zero'],
    ['10.0.256.0/24', 'has an octet outside 0-255 or with a leading zero'],
    ['10.0.0.256/32', 'has an octet outside 0-255 or with a leading zero'],
    ['010.0.0.0/16', 'has an octet outside 0-255 or with a leading zero'],
    ['10.0.00.0/16', 'has an octet outside 0-255 or with a leading zero'],
    // Prefix: 0-32, no leading zero.
    ['10.0.0.0/33', 'has a prefix length outside 0-32'],
    ['10.0.0.0/016', 'is not IPv4 CIDR notation (a.b.c.d/n)'],
    ['10.0.0.0/08', 'has a prefix length outside 0-32'],
    // Host bits, with the block's network address.
    ['10.0.1.0/16', 'has host bits set (the network address of that block is 10.0.0.0/16)'],
    ['10.0.0.1/31', 'has host bits set (the network address of that block is 10.0.0.0/31)'],
    ['192.168.255.255/17', 'has host bits set (the network address of that block is 192.168.128.0/17)'],
    ['255.255.255.255/1', 'has host bits set (the network address of that block is 128.0.0.0/1)'],
  ])('%s %s', (text, reason) => {
    expect(parseIpv4Cidr(text)).toBe(reason);
  });

  test('the boundaries accepted: octet 255, octet 0 alone, prefix 0 and 32', () => {
    expect(parsed('255.0.0.0/8').first).toBe(255 * 2 ** 24);
    expect(parsed('0.0.0.0/32').last).toBe(0);
    expect(parsed('10.0.0.0/8').prefixLength).toBe(8);
  });
});

describe('cidrContains and cidrsOverlap', () => {
  const vpc = parsed('10.0.0.0/16');
  test.each([
    ['the block itself', '10.0.0.0/16', true, true],
    ['the first /24', '10.0.0.0/24', true, true],
    ['the last /24', '10.0.255.0/24', true, true],
    ['the address just below', '9.255.255.255/32', false, false],
    ['the address just above', '10.1.0.0/32', false, false],
    ['a larger block holding it', '10.0.0.0/8', false, true],
    ['a block of another range', '192.168.0.0/16', false, false],
    ['the last address', '10.0.255.255/32', true, true],
    ['the first address', '10.0.0.0/32', true, true],
  ])('%s (%s): inside %s, overlapping %s', (_name, other, inside, overlapping) => {
    expect(cidrContains(vpc, parsed(other))).toBe(inside);
    expect(cidrsOverlap(vpc, parsed(other))).toBe(overlapping);
    expect(cidrsOverlap(parsed(other), vpc)).toBe(overlapping);
  });

  test('a block that starts inside and ends outside overlaps but is not contained', () => {
    const straddling = { text: 'made up', first: vpc.last, last: vpc.last + 1, prefixLength: 31 };
    expect(cidrContains(vpc, straddling)).toBe(false);
    expect(cidrsOverlap(vpc, straddling)).toBe(true);
    const below = { text: 'made up', first: vpc.first - 1, last: vpc.first, prefixLength: 31 };
    expect(cidrContains(vpc, below)).toBe(false);
    expect(cidrsOverlap(vpc, below)).toBe(true);
  });
});

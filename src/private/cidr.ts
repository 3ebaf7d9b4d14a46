/**
 * The little IPv4 CIDR arithmetic the baseline needs: parse, contain, overlap.
 * Three operations on IPv4 only do not justify a bundled dependency in five language packages.
 */
export interface Ipv4Cidr {
  /** The notation as given. */
  readonly text: string;
  /** The first address, as an unsigned 32-bit number. */
  readonly first: number;
  /** The last address, as an unsigned 32-bit number. */
  readonly last: number;
  readonly prefixLength: number;
}

const CIDR_SYNTAX = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns a reason when it is not a valid network address in CIDR notation
 * (octets 0-255 without leading zeros, prefix 0-32, no host bits set).
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | string {
  const match = CIDR_SYNTAX.exec(text);
  if (!match) {
    return 'is not IPv4 CIDR notation (a.b.c.d/n)';
  }
  const octetTexts = match.slice(1, 5);
  if (octetTexts.some((o) => (o.length > 1 && o.startsWith('0')) || Number(o) > 255)) {
    return 'has an octet outside 0-255 or with a leading zero';
  }
  const prefixLength = Number(match[5]);
  if (prefixLength > 32 || (match[5].length > 1 && match[5].startsWith('0'))) {
    return 'has a prefix length outside 0-32';
  }
  const address = octetTexts.reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefixLength);
  const first = Math.floor(address / size) * size;
  if (first !== address) {
    return `has host bits set (the network address of that block is ${formatIpv4(first)}/${prefixLength})`;
  }
  return { text, first, last: first + size - 1, prefixLength };
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether two blocks share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

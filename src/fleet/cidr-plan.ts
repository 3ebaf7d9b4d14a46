import { parseIpv4Cidr } from '../private/cidr';

/** The architecture document's subnets, as third octets inside a /16: private 1-3, public 101-103. */
export const DOCUMENT_PRIVATE_THIRD_OCTETS = [1, 2, 3];
export const DOCUMENT_PUBLIC_THIRD_OCTETS = [101, 102, 103];
/** The VPC size the document's plan is written for. */
export const DOCUMENT_VPC_PREFIX_LENGTH = 16;

/** The document's subnet plan moved into a /16 VPC, one subnet per zone; undefined when the block is not a /16. */
export function documentSubnetsOf(vpcCidr: string, zones: number): { privateSubnetCidrs: string[]; publicSubnetCidrs: string[] } | undefined {
  const parsed = parseIpv4Cidr(vpcCidr);
  if (typeof parsed === 'string' || parsed.prefixLength !== DOCUMENT_VPC_PREFIX_LENGTH || zones > DOCUMENT_PRIVATE_THIRD_OCTETS.length) {
    return undefined;
  }
  const [a, b] = vpcCidr.split('.');
  const subnets = (octets: number[]) => octets.slice(0, zones).map((c) => `${a}.${b}.${c}.0/24`);
  return { privateSubnetCidrs: subnets(DOCUMENT_PRIVATE_THIRD_OCTETS), publicSubnetCidrs: subnets(DOCUMENT_PUBLIC_THIRD_OCTETS) };
}

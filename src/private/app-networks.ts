import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { cidrsOverlap, Ipv4Cidr, parseIpv4Cidr } from './cidr';

interface RegisteredVpc {
  readonly path: string;
  readonly where: string;
  readonly cidr: Ipv4Cidr;
}

/** The VPC CIDRs of the baselines of each app (construct root), in construction order. */
const VPCS_BY_APP = new WeakMap<IConstruct, RegisteredVpc[]>();

/** The ID of the warning, for `Annotations.of(scope).acknowledgeWarning(...)`. */
export const OVERLAPPING_VPC_CIDR_WARNING = '@numinia/cdk-baseline:overlappingVpcCidr';

/**
 * Two VPCs whose CIDRs overlap can never be peered or attached to one transit gateway, and nothing but replacing one
 * VPC fixes it later. Without a fleet description the library cannot know which VPCs of an app are meant to be
 * connected, so it presumes all of them may be (one company's network), and warns: legal, but risky. A CIDR that is a
 * token is not compared.
 */
export function reportOverlappingVpcCidrs(baseline: Construct, cidr: string): void {
  if (Token.isUnresolved(cidr)) {
    return;
  }
  const parsed = parseIpv4Cidr(cidr);
  if (typeof parsed === 'string') {
    return;
  }
  const stack = Stack.of(baseline);
  const where = [stack.account, stack.region].map((v) => (Token.isUnresolved(v) ? 'unknown' : v)).join('/');
  const vpcs = VPCS_BY_APP.get(baseline.node.root) ?? [];
  VPCS_BY_APP.set(baseline.node.root, vpcs);
  for (const other of vpcs.filter((v) => cidrsOverlap(v.cidr, parsed))) {
    Annotations.of(baseline).addWarningV2(
      OVERLAPPING_VPC_CIDR_WARNING,
      `network.cidr: ${cidr} (${where}) overlaps ${other.cidr.text} of the baseline at ${other.path} (${other.where}); VPCs with ` +
        'overlapping CIDRs can never be peered or attached to one transit gateway. Give each baseline its own block, or ' +
        'acknowledge this warning if these VPCs are never to be connected',
    );
  }
  vpcs.push({ path: baseline.node.path, where, cidr: parsed });
}

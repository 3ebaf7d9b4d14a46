import { buildEmulatorApp } from './emulator-app';
import { NatGateways } from '../../../src';

export const SINGLE_NAT_STACK_NAME = 'numinia-single-nat-baseline';

/**
 * A non-default configuration for the emulator: the production example with one NAT gateway instead of one per
 * zone (a non-stateful option: only NAT gateways, their Elastic IPs and the private default routes change).
 */
export function buildSingleNatApp(outdir: string) {
  return buildEmulatorApp({ outdir, stackName: SINGLE_NAT_STACK_NAME, network: { natGateways: NatGateways.SINGLE } });
}

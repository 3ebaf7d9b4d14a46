import { FleetProps, NatGateways, ReleaseStage } from '../../src';

/** Three accounts, two regions: what the example's fleet.json holds, minus the sandbox. */
export function sampleFleet(): FleetProps {
  return {
    accounts: [
      { id: '111111111111', homeRegion: 'eu-west-1', name: 'development' },
      { id: '222222222222', homeRegion: 'eu-west-1' },
      { id: '333333333333', homeRegion: 'us-east-1' },
    ],
    environments: [
      // Listed production first: the rollout order does not follow the file's order.
      {
        name: 'production',
        account: '333333333333',
        regions: [{ region: 'eu-west-1', cidr: '10.30.0.0/16' }, { region: 'us-east-1', cidr: '10.31.0.0/16' }],
      },
      {
        name: 'staging',
        account: '222222222222',
        options: { natGateways: NatGateways.SINGLE },
        regions: [{ region: 'us-east-1', cidr: '10.21.0.0/16' }, { region: 'eu-west-1', cidr: '10.20.0.0/16' }],
      },
      {
        name: 'development',
        account: '111111111111',
        options: { natGateways: NatGateways.NONE, bastionInstanceType: 't4g.nano' },
        regions: [{ region: 'eu-west-1', cidr: '10.10.0.0/16' }, { region: 'us-east-1', cidr: '10.11.0.0/16' }],
      },
      {
        name: 'qa',
        account: '111111111111',
        stage: ReleaseStage.STAGING,
        regions: [{ region: 'eu-west-1', cidr: '10.12.0.0/20', privateSubnetCidrs: ['10.12.0.0/24', '10.12.1.0/24', '10.12.2.0/24'], publicSubnetCidrs: ['10.12.8.0/24', '10.12.9.0/24', '10.12.10.0/24'] }],
      },
    ],
  };
}

/** A deep copy to break. */
export function mutated(change: (fleet: any) => void): any {
  const fleet = JSON.parse(JSON.stringify(sampleFleet()));
  change(fleet);
  return fleet;
}

import { Lazy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BastionProps, NatGateways } from '../../src';
import { checkBastionProps, clusterNameWarnings } from '../../src/access/bastion-validation';

const check = (props: BastionProps, natGateways = NatGateways.ONE_PER_AZ, ssmEndpoints = false) =>
  checkBastionProps(props, natGateways, ssmEndpoints);
const NAME_RULE = 'is not an EKS cluster name or pattern (letters, digits, -, _ and *; up to 100)';

describe('bastion validation', () => {
  test('the cluster names stay meaningful with the bastion off: the EFS CSI driver roles use them', () => {
    expect(check({ enabled: false, eksClusterNames: ['numinia-*'] })).toEqual([]);
  });

  test.each([
    ['numinia-*', true],
    ['*', true],
    ['9lives_cluster', true],
    ['a'.repeat(100), true],
    ['a'.repeat(101), false],
    ['-numinia', false],
    ['numinia prod', false],
    ['numinia/prod', false],
  ])('cluster name %s: accepted %s', (name, accepted) => {
    expect(check({ eksClusterNames: [name] })).toEqual(accepted ? [] : [`bastion.eksClusterNames: ${JSON.stringify(name)} ${NAME_RULE}`]);
  });

  test('an empty list is refused; tokens are left to deploy time', () => {
    expect(check({ eksClusterNames: [] })).toEqual(['bastion.eksClusterNames: got []; expected at least one cluster name or pattern']);
    expect(check({ eksClusterNames: ['numinia-*', Lazy.string({ produce: () => 'bad name' })] })).toEqual([]);
  });

  test('without SSM endpoints the bastion must reach Systems Manager through NAT: refused without NAT and in the database tier', () => {
    const isolated = { subnetGroupName: 'Database' };
    expect(check({ ssmEndpoints: false }, NatGateways.NONE))
      .toEqual(['bastion.ssmEndpoints: false, but without NAT the bastion can reach Systems Manager only through the SSM endpoints; remove it']);
    expect(check({ ssmEndpoints: false, vpcSubnets: isolated }))
      .toEqual(['bastion.ssmEndpoints: false, but in the database tier the bastion can reach Systems Manager only through the SSM endpoints; remove it']);
    expect(check({ ssmEndpoints: false, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } })).toHaveLength(1);
    // With NAT, in the private tier, no endpoints are needed.
    expect(check({ ssmEndpoints: false })).toEqual([]);
    // Only an explicit false is judged: the endpoints the baseline decided on are the config's (the third argument).
    expect(check({}, NatGateways.NONE, false)).toEqual([]);
    expect(check({ ssmEndpoints: false }, NatGateways.NONE, true)).toEqual([]);
  });

  test('a pattern of stars alone matches every cluster: a warning, with its ID; other patterns and tokens are fine', () => {
    expect(clusterNameWarnings(['numinia-*', '**', 'a*'])).toEqual([{
      id: 'clusterNamesMatchAll',
      message: 'bastion.eksClusterNames: "**" matches every EKS cluster of the account and region: the bastion may describe them all and any ' +
        'of them may use the EFS CSI driver roles; name the project\'s clusters instead (the default is <project>-<environment> and <project>-<environment>-*)',
    }]);
    expect(clusterNameWarnings(Lazy.list({ produce: () => ['*'] }))).toEqual([]);
    expect(clusterNameWarnings([Lazy.string({ produce: () => '*' })])).toEqual([]);
  });
});

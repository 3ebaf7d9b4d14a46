import { Lazy, Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import { checkFileSystemProps, checkNfsPeers, nfsPeerWarnings } from '../../src/storage/file-system-validation';

const mebibytes = Size.mebibytes(10);

describe('file system validation', () => {
  test.each([
    ['Bursting (the default)', {}, []],
    ['Provisioned with a throughput', { throughputMode: efs.ThroughputMode.PROVISIONED, provisionedThroughputPerSecond: mebibytes }, []],
    ['Provisioned without one', { throughputMode: efs.ThroughputMode.PROVISIONED }, ['fileSystem.provisionedThroughputPerSecond: required with throughputMode PROVISIONED']],
    ['a throughput with Elastic', { throughputMode: efs.ThroughputMode.ELASTIC, provisionedThroughputPerSecond: mebibytes },
      ['fileSystem.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED (got elastic)']],
    ['a throughput with Bursting', { provisionedThroughputPerSecond: mebibytes }, ['fileSystem.provisionedThroughputPerSecond: only applies with throughputMode PROVISIONED (got bursting)']],
    ['Elastic with Max I/O', { throughputMode: efs.ThroughputMode.ELASTIC, performanceMode: efs.PerformanceMode.MAX_IO },
      ['fileSystem.performanceMode: MAX_IO cannot be combined with throughputMode ELASTIC; use GENERAL_PURPOSE']],
    ['Elastic with General Purpose', { throughputMode: efs.ThroughputMode.ELASTIC, performanceMode: efs.PerformanceMode.GENERAL_PURPOSE }, []],
    ['Bursting with Max I/O', { performanceMode: efs.PerformanceMode.MAX_IO }, []],
  ])('modes: %s', (_name, props, expected) => {
    expect(checkFileSystemProps(props, false)).toEqual(expected);
  });

  const peers = (...cidrs: string[]) => cidrs.map((cidr) => (cidr.includes(':') ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr)));

  test('NFS from every address is refused; other peers, security groups and tokens are not', () => {
    expect(checkNfsPeers(peers('10.0.1.0/24', '0.0.0.0/0', '::/0'))).toEqual([
      'fileSystem.allowedPeers[1]: 0.0.0.0/0 would open NFS to every address; expected the CIDRs or security groups of the clients',
      'fileSystem.allowedPeers[2]: ::/0 would open NFS to every address; expected the CIDRs or security groups of the clients',
    ]);
    expect(checkNfsPeers([ec2.Peer.securityGroupId('sg-12345678'), ec2.Peer.ipv4(Lazy.string({ produce: () => '0.0.0.0/0' }))])).toEqual([]);
    expect(checkNfsPeers(undefined)).toEqual([]);
  });

  test('a warning per peer beyond the VPC: an IPv4 block outside it, or any IPv6 block; none for peers inside, every-address peers (refused) or tokens', () => {
    const warned = nfsPeerWarnings([
      ...peers('10.0.1.0/24', '10.0.0.0/16', '10.1.0.0/24', '9.255.255.0/24', '2001:db8::/64', '0.0.0.0/0', '::/0'),
      ec2.Peer.securityGroupId('sg-12345678'),
      ec2.Peer.ipv4(Lazy.string({ produce: () => '192.168.0.0/16' })),
    ], '10.0.0.0/16');
    expect(warned).toEqual([2, 3, 4].map((i) => ({
      id: 'nfsPeerOutsideVpc',
      message: `fileSystem.allowedPeers[${i}]: ${['10.1.0.0/24', '9.255.255.0/24', '2001:db8::/64'][i - 2]} reaches beyond the VPC (10.0.0.0/16); NFS is then open to addresses the baseline does not hold`,
    })));
  });

  test('no warning when the VPC block is a token or not a block', () => {
    expect(nfsPeerWarnings(peers('192.168.0.0/16'), Lazy.string({ produce: () => '10.0.0.0/16' }))).toEqual([]);
    expect(nfsPeerWarnings(peers('192.168.0.0/16'), 'ten')).toEqual([]);
    expect(nfsPeerWarnings(undefined, '10.0.0.0/16')).toEqual([]);
  });
});

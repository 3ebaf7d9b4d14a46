import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Egress from the bastion's security group to the target, and ingress on the target's from the bastion's: what a
 * Session Manager port-forwarding session needs, nothing wider.
 */
export function allowBastionTunnelTo(bastionSecurityGroup: ec2.ISecurityGroup | undefined, target: ec2.IConnectable, port: ec2.Port): void {
  if (!bastionSecurityGroup) {
    throw new Error('allowBastionTunnelTo: this baseline has no bastion (bastion.enabled is false)');
  }
  new ec2.Connections({ securityGroups: [bastionSecurityGroup] }).allowTo(target, port, `Bastion tunnel (Session Manager port forwarding) on ${port}`);
}

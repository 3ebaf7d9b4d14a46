import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * A known set of interface VPC endpoints, named after what needs them.
 */
export class InterfaceEndpointPreset {
  /**
   * What nodes and pods of an EKS cluster without internet access need, as listed in "Deploy private clusters with
   * limited internet access" (https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html): the EKS API and
   * EKS Pod Identity (`eks`, `eks-auth`), STS, ECR (`ecr.api`, `ecr.dkr`; image layers come through the S3 gateway
   * endpoint the baseline always has), EC2, Elastic Load Balancing, CloudWatch Logs, EFS (the CSI driver's mounts use
   * the mount targets; its API calls use this endpoint) and Session Manager (`ssm`, `ssmmessages`, `ec2messages`).
   */
  public static readonly PRIVATE_EKS = new InterfaceEndpointPreset('PRIVATE_EKS', [
    ec2.InterfaceVpcEndpointAwsService.EKS,
    ec2.InterfaceVpcEndpointAwsService.EKS_AUTH,
    ec2.InterfaceVpcEndpointAwsService.STS,
    ec2.InterfaceVpcEndpointAwsService.ECR,
    ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
    ec2.InterfaceVpcEndpointAwsService.EC2,
    ec2.InterfaceVpcEndpointAwsService.ELASTIC_LOAD_BALANCING,
    ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
    ec2.InterfaceVpcEndpointAwsService.ELASTIC_FILESYSTEM,
    ec2.InterfaceVpcEndpointAwsService.SSM,
    ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
    ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  ]);

  /**
   * What Session Manager needs without NAT (https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html):
   * `ssm`, `ssmmessages`, `ec2messages`.
   */
  public static readonly SESSION_MANAGER = new InterfaceEndpointPreset('SESSION_MANAGER', [
    ec2.InterfaceVpcEndpointAwsService.SSM,
    ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
    ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  ]);

  /**
   * A set of your own, under a name of your own.
   *
   * @param name what the set is for
   * @param services its services
   */
  public static of(name: string, services: ec2.InterfaceVpcEndpointAwsService[]): InterfaceEndpointPreset {
    return new InterfaceEndpointPreset(name, services);
  }

  private constructor(
    /** What the set is for. */
    public readonly name: string,
    /** Its services. */
    public readonly services: ec2.InterfaceVpcEndpointAwsService[],
  ) {}
}

/**
 * How the baseline shares its outputs with application repos: SSM parameters under one prefix, read at deploy
 * time, so no CloudFormation export ties the baseline stack to its consumers.
 */
export interface SharingProps {
  /**
   * Write the baseline's outputs (VPC, subnets, route tables, file system, keys, roles, bastion) to SSM Parameter Store.
   *
   * @default true
   */
  readonly publishParameters?: boolean;

  /**
   * The prefix of every parameter name: starts and ends with `/`.
   *
   * @default /<project>/<environment>/baseline/
   */
  readonly parameterPrefix?: string;
}

// Run by floor-check.sh inside a scratch project holding the floor aws-cdk-lib: every area on and off, four packs.
const { App, Stack } = require('aws-cdk-lib');
const { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } = require('cdk-nag');
const { CisVariant, FlowLogDestinations, InterfaceEndpointPreset, NatGateways, NuminiaBaseline } = require('@numinia/cdk-baseline');

const configs = {
  default: {},
  'single NAT, no file system': { network: { natGateways: NatGateways.SINGLE }, fileSystem: { enabled: false } },
  // The regional NAT gateway is written on CfnNatGateway's regional properties, which the floor must already know.
  'regional NAT, private-EKS endpoints, flow logs to S3 too': {
    network: { natGateways: NatGateways.REGIONAL, interfaceEndpointPresets: [InterfaceEndpointPreset.PRIVATE_EKS] },
    logging: { flowLogDestinations: FlowLogDestinations.CLOUDWATCH_LOGS_AND_S3 },
  },
  'no NAT, no bastion, no trail': { network: { natGateways: NatGateways.NONE }, bastion: { enabled: false }, logging: { cloudTrail: { enabled: false } } },
  'monitoring: CIS v3, e-mail subscribers': { monitoring: { cisVariant: CisVariant.CIS_V3, alarmEmails: ['ops@numinia.io'] } },
};
let failures = 0;
for (const [name, props] of Object.entries(configs)) {
  const app = new App();
  const stack = new Stack(app, 'Floor', { env: { region: 'eu-west-1' } });
  new NuminiaBaseline(stack, 'Baseline', { environment: 'production', ...props });
  const template = app.synth().getStackByName('Floor').template;
  const resources = Object.keys(template.Resources).length;
  const regional = Object.values(template.Resources).filter((r) => r.Type === 'AWS::EC2::NatGateway' && r.Properties.AvailabilityMode === 'regional');
  if ((props.network?.natGateways === NatGateways.REGIONAL) !== (regional.length === 1)) {
    failures += 1;
    console.log(`FAIL ${name}: ${regional.length} regional NAT gateways in the template`);
  }
  const findings = [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()]
    .flatMap((pack) => pack.validateScope(app).violations.map((v) => v.ruleName));
  failures += findings.length;
  console.log(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${resources} resources, ${findings.length} unacknowledged findings ${findings.join(' ')}`);
}
console.log(`floor check: aws-cdk-lib ${require('aws-cdk-lib/package.json').version}: ${failures === 0 ? 'passed' : 'FAILED'}`);
process.exit(failures === 0 ? 0 : 1);

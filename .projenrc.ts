import { awscdk, javascript } from 'projen';

/**
 * The oldest aws-cdk-lib we support. cdk-nag 3 needs 2.257, but 2.257-2.268 refuse to acknowledge its findings on
 * ARNs (rule IDs with more than one '::', e.g. `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:...]`): synth fails.
 * 2.269.0 is the first that accepts them; `test:floor` proves the library works there.
 */
const CDK_FLOOR = '2.269.0';
/** The aws-cdk-lib we build and test with: the newest 2.x on npm when this was written. */
const CDK_TESTED = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: '@numinia/cdk-baseline',
  description:
    'NuminiaBaseline: a production AWS foundation (VPC, EFS, KMS, SSM-only bastion, IAM roles, flow logs, CloudTrail) as one AWS CDK construct.',
  author: 'Numinia Platform Team',
  authorAddress: 'platform@numinia.io',
  repositoryUrl: 'https://github.com/numengames/numinia-cdk-baseline.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'baseline', 'landing-zone', 'vpc', 'efs', 'kms', 'cloudtrail'],
  stability: 'experimental',

  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  // `npx numinia-baseline context`: cdk.context.json entries for an account-bound app, so synth needs no credentials.
  bin: { 'numinia-baseline': 'lib/cli/main.js' },

  cdkVersion: CDK_FLOOR,
  // The peer range starts at the floor; the tests run against the newest release (devDeps below).
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    `aws-cdk-lib@${CDK_TESTED}`,
    'constructs@10.5.1',
    // Compliance packs, in the tests only: the library acknowledges findings through aws-cdk-lib's Validations.
    'cdk-nag@3.0.2',
    // Replacement analysis of stateful resources between two templates, as `cdk diff` does it.
    '@aws-cdk/cloudformation-diff@2.187.5',
    // CloudFormation's resource database (which types take tags, and in which form): the tag coverage test.
    '@aws-cdk/aws-service-spec@0.1.216',
    'fast-check@4.11.0',
    // Authorization contracts (test/contracts/): synthesized policies evaluated by an IAM policy simulator.
    // AGPL-3.0: a dev dependency only; the npm-pack check proves it never reaches the package or its dependencies.
    '@cloud-copilot/iam-simulate@0.1.173',
    // examples/eks: the kubectl layer an aws-eks-v2 cluster needs to apply manifests (the StorageClass, a claim, a pod).
    '@aws-cdk/lambda-layer-kubectl-v35@2.2.2',
    // The emulator deploy suite: the real CDK CLI and SDK clients against moto on 127.0.0.1 (test/deploy/).
    // SDK versions pinned: later releases require Node 22.
    'aws-cdk@2.1148.1',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@aws-sdk/client-cloudformation@3.1169.0',
    // The emulator read-back of the monitoring area: its dashboard (CloudWatch) and its alarm topic (SNS).
    '@aws-sdk/client-cloudwatch@3.1164.0',
    '@aws-sdk/client-cloudwatch-logs@3.1169.0',
    '@aws-sdk/client-ec2@3.1169.0',
    '@aws-sdk/client-efs@3.1141.0',
    '@aws-sdk/client-iam@3.1169.0',
    '@aws-sdk/client-kms@3.1164.0',
    '@aws-sdk/client-s3@3.1175.0',
    '@aws-sdk/client-sns@3.1169.0',
    // The query protocol for the CloudWatch client: moto 5.2 does not speak the JSON protocol the client defaults to.
    '@aws-sdk/core@3.981.2',
    // The architecture diagram (tools/diagram/): Graphviz compiled to WebAssembly, with a CommonJS build for ts-node
    // and jest. Dev-side only: the published library draws nothing.
    '@viz-js/viz@3.31.0',
    // Rasterizes the diagram to PNG for a person to look at (`diagram:preview`); prebuilt binaries from npm.
    '@resvg/resvg-js@2.6.2',
    // The release round trip's npm registry on 127.0.0.1 (scripts/release/round-trip/registries.ts). 6.10 wants Node 22; 6.8.0
    // runs on Node 20 with node-fetch 2.7.0 (see the override below).
    'verdaccio@6.8.0',
    // examples/fleet: the service-managed StackSet variant, with cdklabs' StackSet constructs (the example only: the
    // library's fleet area does not depend on it).
    'cdk-stacksets@0.0.153',
    // test/fleet: the published fleet JSON Schema and the fleet validator must agree on sample fleets.
    'ajv@8.20.0',
    // Mutation testing (`mutation`, scripts/mutation/): how many injected bugs the tests catch. 9.6 is the last
    // StrykerJS that runs on Node 20 (10 needs Node 22).
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
  ],
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',

  // The layout the project asks for: the dev tsconfig at the top level.
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    compilerOptions: {},
    include: ['examples/**/*.ts', '.projenrc.ts'],
  },

  docgen: true,
  eslint: true,
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'tools', 'scripts', '.projenrc.ts'],
    // Tests and examples belong to the dev tsconfig (the top-level tsconfig.json is jsii's, for src/ only).
    tsconfigPath: './tsconfig.dev.json',
  },
  jestOptions: {
    // Snapshots are compared, never rewritten, by `test`; `npx projen test:update` rewrites them on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Synthesizing a whole baseline takes a few seconds on a 2-core machine.
      testTimeout: 120_000,
      // jest's default is one worker fewer than the cores, so on the team's 2-core machines the suite ran in band:
      // 742 s, against 438 s with two workers (much of it waits on child processes: cfn-lint, checkov, the CDK CLI, moto).
      maxWorkers: '100%',
      // StrykerJS's sandboxes (a copy of the repository each) are not this project's modules or tests.
      modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
    },
  },

  // One name per ecosystem, each the ecosystem's convention for "numinia" + "cdk-baseline".
  publishToPypi: { distName: 'numinia-cdk-baseline', module: 'numinia_cdk_baseline' },
  publishToMaven: {
    javaPackage: 'io.numinia.cdk.baseline',
    mavenGroupId: 'io.numinia',
    mavenArtifactId: 'cdk-baseline',
  },
  publishToNuget: { dotNetNamespace: 'Numinia.CdkBaseline', packageId: 'Numinia.CdkBaseline' },
  publishToGo: { moduleName: 'github.com/numengames/numinia-cdk-baseline-go', packageName: 'numiniacdkbaseline' },

  // No GitHub here: CI is `.ci/run` on the team's machines.
  github: false,
  release: true,
  // The first release is 0.1.0, not 0.0.0: a 0.0.x version only matches itself under a caret range (^0.0.0), so
  // consumers could never take an upgrade by range. Later releases follow the commits since the latest tag
  // (before 1.0, feat: bumps the patch and a breaking change the minor version).
  // (A node one-liner: projen runs task commands in its own cross-platform shell, whose `test` knows no `-n`.)
  nextVersionCommand: 'node -e "process.stdout.write(process.env.LATEST_TAG ? \'\' : \'0.1.0\')"',
  releaseToNpm: false,
  depsUpgrade: false,
  sampleCode: false,
  gitignore: ['cdk.out/', '*.tsbuildinfo', '.venv/', 'test/**/cdk.out/', 'examples/**/cdk.out/', '/.diagram-preview/'],
});

// The project service only finds the nearest tsconfig.json (jsii's, src/ only): point the parser at the dev tsconfig,
// which holds src/, test/ and examples/.
const eslintrc = project.tryFindObjectFile('.eslintrc.json');
eslintrc?.addDeletionOverride('parserOptions.projectService');
eslintrc?.addOverride('parserOptions.project', './tsconfig.dev.json');

// Python tools the tests run (cfn-lint, checkov, moto), pinned in requirements-dev.txt (and every transitive
// package in constraints-dev.txt), in a local virtualenv. Reinstalled only when either file changes, so `test` stays fast after the first run.
const installPython = project.addTask('install:python', {
  description: 'Install the pinned Python test tools from requirements-dev.txt into .venv/',
  exec: [
    'cat requirements-dev.txt constraints-dev.txt | cmp -s - .venv/requirements-installed.txt',
    '|| (python3 -m venv .venv',
    '&& .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints-dev.txt',
    '&& cat requirements-dev.txt constraints-dev.txt > .venv/requirements-installed.txt)',
  ].join(' '),
});
project.testTask.prependSpawn(installPython);

// `package` builds the npm package only, in CI and out of it (projen would build every language outside CI, and
// there is no .NET SDK here); the other languages are built by the distribution stage.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// The examples are not part of the package.
project.addPackageIgnore('/examples/');
project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/scripts/');
project.addPackageIgnore('/tools/');
// The README's picture and the guides live in the repository; the npm package carries only the library, its README and
// API.md (check-npm-pack.ts); the README links to the guides in the repository.
project.addPackageIgnore('/docs/');
// CONTRIBUTING.md is for the team working in the repository, not for the package's users.
project.addPackageIgnore('/CONTRIBUTING.md');
project.addPackageIgnore('/.diagram-preview/');
project.addPackageIgnore('cdk.out/');

// The main job: synthesize the seed's production baseline (eu-west-1) into cdk.out/ and print a summary.
project.addTask('example', {
  description: 'Synthesize the production example baseline into cdk.out/ and print a summary (no AWS credentials needed)',
  exec: 'ts-node --project tsconfig.dev.json examples/production/main.ts',
});

// The README's architecture picture and the cost tables of docs/cost.md, generated from the production example; CI
// fails when stale.
const diagram = project.addTask('diagram', {
  description:
    'Regenerate docs/architecture-production.svg (from the synthesized production template) and the cost tables of docs/cost.md',
  exec: 'ts-node --project tsconfig.dev.json tools/readme-assets.ts',
});
// For a person to look at the picture: PNGs of the production diagram and of other configurations.
project.addTask('diagram:preview', {
  description: 'Rasterize the architecture diagrams (production and other configurations) to PNG in .diagram-preview/',
  exec: 'ts-node --project tsconfig.dev.json tools/diagram-preview.ts',
});

// What each NAT strategy does to the longest chain of dependent resources in a deployment (docs/network.md).
project.addTask('critical-path', {
  description: 'Print the longest chain of dependent resources of the default baseline under each NAT strategy',
  exec: 'ts-node --project tsconfig.dev.json tools/critical-path.ts',
});

// Benchmarks are not tests: synth cost against hand-written L2s, scaling, deploy-time weight, memory (bench/README.md).
project.addTask('bench', {
  description: 'Benchmark synth cost, scaling and template weight against a hand-written L2 baseline; prints ratios',
  exec: 'ts-node --project tsconfig.dev.json bench/run.ts',
});

// The fleet file's JSON Schema, generated from the compiled FleetProps (.jsii) after every compile; committed, and CI
// fails when it is stale (the final git diff of `ci`), as it does for API.md.
const fleetSchema = project.addTask('fleet-schema', {
  description: 'Write schema/fleet.schema.json from the compiled FleetProps (after compile)',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/fleet/fleet-schema.ts',
});
project.postCompileTask.spawn(fleetSchema);

// The fleet benchmark: 30, 100 and 300 baselines in one app, each size in a fresh process (bench/README.md).
project.addTask('bench:fleet', {
  description: 'Benchmark the synth of a fleet of 30, 100 and 300 baselines in one app: time, peak RSS, time per stack',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json bench/fleet.ts',
});

const floorCheck = project.addTask('test:floor', {
  description: 'Synthesize the compiled library against the oldest supported aws-cdk-lib, with the cdk-nag packs',
  exec: 'bash scripts/floor-check.sh',
});

// Distribution: every language's package built here, installed into a fresh app of that language, and compared.
const distribution = project.addTask('distribution', {
  description:
    'Build the npm, Python, Java and Go packages (and the .NET code), install each into a fresh app, synthesize the production baseline and compare every template with the TypeScript one',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/distribution/main.ts',
});
project.addTask('rosetta', {
  description: 'Compile the README, docs/*.md and @example TypeScript snippets with jsii-rosetta --strict (after compile)',
  exec: 'bash scripts/distribution/rosetta.sh',
});
project.addTask('release:dry-run', {
  description: 'Bump, package and unbump in a throwaway clone under /tmp; nothing is pushed or published',
  exec: 'bash scripts/distribution/release-dry-run.sh',
  receiveArgs: true,
});
project.addTask('api-compat', {
  description: 'jsii-diff the current .jsii against npm:@numinia/cdk-baseline@<version>, a git ref, or a directory',
  exec: 'bash scripts/distribution/api-compat.sh',
  receiveArgs: true,
});
// release = [rm -fr dist, bump, build, unbump, git diff]: build every language with the bumped version.
project.tasks.tryFind('release')!.insertStep(3, { spawn: distribution.name });

// verdaccio-audit (under verdaccio 6.8.0) asks for node-fetch by the dist-tag "cjs", which npm resolves to 2.6.7 and
// then reports as invalid (`npm ls` fails); pin the 2.x release verdaccio 6.8.0 is known to run with on Node 20.
project.package.addField('overrides', { verdaccio: { 'node-fetch': '2.7.0' } });

// Upgrade check: the configuration matrix synthesized with the old and the new library; fails on any replacement or
// removal of a stateful resource (cloudformation-diff) and on an API break (jsii-diff --experimental-errors).
const UPGRADE_CHECK = 'ts-node --transpile-only --project tsconfig.dev.json scripts/release/upgrade-check.ts';
const upgradeCheck = project.addTask('upgrade-check', {
  description:
    'Synthesize the configuration matrix with the library at <git ref | npm version> (default: the latest release tag, else HEAD~1) and with the working copy; fail on a replaced or removed stateful resource or an API break',
  exec: UPGRADE_CHECK,
  receiveArgs: true,
});
// The release notes say what an upgrade does: bump adds the default template's changes since the latest tag to the
// new changelog entry.
project.tasks.tryFind('bump')!.exec(`${UPGRADE_CHECK} --changelog "$CHANGELOG" --since "$LATEST_TAG"`, {
  name: 'release notes: resources an upgrade adds, changes, replaces or removes',
});
// ... and the npm package carries them (CHANGELOG.md, git-ignored: each release's package holds its own notes).
project.tasks.tryFind('bump')!.exec('cp "$CHANGELOG" CHANGELOG.md', { name: 'release notes in the npm package' });
project.tasks.tryFind('unbump')!.exec('rm -f CHANGELOG.md');
project.gitignore.exclude('/CHANGELOG.md');
// Two releases published to registries on 127.0.0.1 (Verdaccio, pypiserver, a Maven file repository, a GOPROXY
// directory), installed by version range by every consumer app, upgraded, and compared.
const roundTrip = project.addTask('release:round-trip', {
  description:
    'Build two releases (HEAD and HEAD + a feat: commit), publish them to local npm/PyPI/Maven/Go registries, install by version range in every consumer, upgrade, and compare templates',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/release/round-trip/main.ts',
});

// The real-account acceptance suite's snapshots (test/integ.<name>.ts.snapshot/), rewritten on purpose after a change.
project.addTask('integ:snapshot', {
  description: 'Rewrite the integ tests\' snapshots (test/integ.*.ts.snapshot/) from the current apps; review the diff',
  exec: 'jest --coverage=false test/deploy/integ-apps.test.ts',
  env: { UPDATE_INTEG_SNAPSHOTS: '1' },
});

// Mutation testing: StrykerJS over src/, one file group at a time against its own tests (scripts/mutation/groups.ts);
// reports under reports/mutation/ (git-ignored), results committed under test/mutation/incremental/ so that a re-run
// tests only the mutants whose code or tests changed.
project.addTask('mutation', {
  description:
    'Mutation testing of src/ by file group (StrykerJS, incremental); --group <name>, --changed [<ref>], --full; fails below 85 % per group',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/mutation/run.ts',
  receiveArgs: true,
});
project.gitignore.exclude('/reports/', '/.stryker-tmp/');
// README snippets run as apps by test/readme-snippets.test.ts (written there so that jest compiles them).
project.gitignore.exclude('test/.snippets/');
project.addPackageIgnore('/reports/');
project.addPackageIgnore('/.stryker-tmp/');
// `npm pack` on a fresh clone would pack no library: refuse, with the command to run (scripts/release/prepack-check.cjs).
project.package.setScript('prepack', 'node scripts/release/prepack-check.cjs');
// In CI: the groups whose results are committed, incrementally (only mutants whose code or tests changed run again).
const mutationCi = project.addTask('mutation:ci', {
  description: 'Mutation testing of the groups whose results are committed, incrementally; fails below 85 % per group',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/mutation/run.ts --measured',
});

project.gitignore.exclude('/.jsii.tabl.json');
// Only lib/, .jsii, API.md, README.md, LICENSE in the npm package: never the test tools' virtualenv (125 MB).
for (const path of ['/.venv/', '/rosetta/', '/requirements-dev.txt', '/constraints-dev.txt', '/cdk.context.json', '/bench/', '/scratch/']) {
  project.addPackageIgnore(path);
}

// What CI runs: the full build (compile, API.md, tests, package), then a check that nothing generated changed.
const ci = project.addTask('ci', {
  description: 'Full build and test suite, then fail if a generated file (API.md, package.json, ...) is out of date',
});
ci.spawn(project.buildTask);
ci.spawn(mutationCi);
ci.spawn(floorCheck);
ci.spawn(distribution);
ci.spawn(upgradeCheck);
ci.spawn(roundTrip);
ci.spawn(diagram);
ci.exec('git diff --ignore-space-at-eol --exit-code -- . ":(exclude)package-lock.json"', {
  name: 'generated files are current',
});

project.synth();

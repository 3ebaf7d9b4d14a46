/**
 * The file groups of `npx projen mutation`, each mutated against the tests that judge it.
 *
 * Why groups, not one run over src/: every test synthesizes a whole baseline, so per-test coverage says nearly every
 * test covers nearly every line, and a surviving mutant would cost the whole suite (minutes on 2 cores). A group's
 * mutants run against the group's tests only: a survivor costs that group's suites, and a mutant a group's tests do
 * not kill is a gap in exactly the tests meant to pin that behaviour.
 */
export interface MutationGroup {
  /** The group's name: its report folder and incremental file. */
  readonly name: string;
  /** The files mutated (globs relative to the repository). */
  readonly mutate: string[];
  /** The test files run against its mutants (globs relative to the repository; a leading "!" leaves files out). */
  readonly tests: string[];
}

/**
 * Every area's own validation, the recipe's gathering of it, and the shared parsers: the synth-time errors the README's
 * bad-input table promises.
 */
const VALIDATION_FILES = ['src/*/*-validation.ts', 'src/baseline-checks.ts', 'src/private/validation-helpers.ts', 'src/private/region-zones.ts'];
/** The CIDR arithmetic every overlap and containment check rests on. */
const CIDR_FILES = ['src/private/cidr.ts'];

const area = (name: string, tests: string[]): MutationGroup => ({
  name,
  mutate: [`src/${name}/**/*.ts`, ...[...VALIDATION_FILES, ...CIDR_FILES].map((glob) => `!${glob}`)],
  tests,
});

export const MUTATION_GROUPS: MutationGroup[] = [
  {
    name: 'cidr',
    mutate: CIDR_FILES,
    tests: ['test/private/cidr.test.ts', 'test/validation.test.ts'],
  },
  {
    name: 'validation',
    mutate: VALIDATION_FILES,
    // The baseline's bad-input table, and each area's checks called directly (no synthesis: each mutant costs little).
    tests: ['test/validation.test.ts', 'test/*/*-validation.test.ts', 'test/private/validation-helpers.test.ts', 'test/private/region-zones.test.ts', 'test/overlapping-vpcs.test.ts'],
  },
  area('network', ['test/network/*.test.ts', 'test/contracts/network.contracts.test.ts', 'test/contracts/trust.contracts.test.ts']),
  area('encryption', ['test/encryption/*.test.ts', 'test/network/flow-logs.test.ts', 'test/contracts/kms.contracts.test.ts', 'test/contracts/network.contracts.test.ts']),
  area('storage', ['test/storage/*.test.ts', 'test/contracts/efs.contracts.test.ts']),
  area('access', ['test/access/*.test.ts', 'test/contracts/bastion.contracts.test.ts', 'test/contracts/trust.contracts.test.ts']),
  area('logging', ['test/logging/*.test.ts', 'test/network/flow-logs.test.ts', 'test/contracts/s3.contracts.test.ts', 'test/contracts/kms.contracts.test.ts']),
  area('sharing', ['test/sharing/*.test.ts', 'test/eks/cluster-wiring.test.ts', 'test/access/bastion.test.ts']),
  area('eks', ['test/eks/*.test.ts', 'test/contracts/efs-csi-driver.contracts.test.ts', 'test/contracts/eks-example.contracts.test.ts']),
  area('monitoring', ['test/monitoring/*.test.ts', 'test/contracts/sns.contracts.test.ts']),
  // The StackSet variant's compliance (cdk-nag, cfn-lint, checkov: Python tools, not in the sandbox) is judged by CI's suite;
  // so is the example app (examples/fleet: its pipeline, its StackSet and the CLI's synth), which covers every line of
  // src/fleet once more at a minute a mutant, and whose own code mutation testing does not mutate.
  area('fleet', ['test/fleet/*.test.ts', '!test/fleet/stackset-compliance.test.ts', '!test/fleet/example.test.ts']),
  area('cost', ['test/cost/*.test.ts']),
  // The construct and its recipe: the config each area is asked for, what each area is given, the outputs.
  {
    name: 'recipe',
    mutate: ['src/*.ts', '!src/index.ts', ...VALIDATION_FILES.map((glob) => `!${glob}`)],
    tests: ['test/numinia-baseline.test.ts', 'test/recipe.test.ts', 'test/tags.test.ts', 'test/sharing/*.test.ts', 'test/eks/cluster-wiring.test.ts', 'test/monitoring/monitoring.test.ts'],
  },
  // The leaf helpers every area uses: defaults, ARNs, finding acknowledgements, names, stack-level resources. Which
  // findings are acknowledged is judged by test/compliance/nag.test.ts (the four packs over the matrix, about a minute a
  // mutant: not run here; the acknowledgements are ignored, see ignorers.cjs).
  {
    name: 'private',
    mutate: ['src/private/**/*.ts', ...[...VALIDATION_FILES, ...CIDR_FILES].map((glob) => `!${glob}`)],
    tests: [
      'test/private/*.test.ts', 'test/numinia-baseline.test.ts', 'test/tags.test.ts', 'test/overlapping-vpcs.test.ts',
      'test/fleet/stackset-baseline.test.ts',
    ],
  },
];

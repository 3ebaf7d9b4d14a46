/**
 * Synth benchmark of the default NuminiaBaseline (monitoring included) against the same resources hand-written with
 * aws-cdk-lib L2s (bench/hand-written-baseline.ts).
 * Prints ratios (absolute times on a shared machine are noise) and writes bench/results.json. See bench/README.md.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { buildApp, environments, Kind, PRODUCTION, resourceTypeCounts, typeCountDifferences } from './apps';
import { inTempDir, medians, quantile, round1, round3, Sample, sample } from './measure';

// Issue 25: against the L2s, monitoring included, measured side by side in one run.
const TARGETS = { synthRatio: 1.10, scalingRatio: 1.05, lambdaBackedCustomResources: 0 };
// The one exception the targets allow: aws-cdk-lib's provider that removes the default security group's rules
// (CIS AWS Foundations / NIST 800-53: the default security group allows no traffic).
const DOCUMENTED_CUSTOM_RESOURCES = ['Custom::VpcRestrictDefaultSG'];
const LIMITS = { resources: 500, templateBytes: 1_000_000 };
// The first synth in a process takes seconds (module loading, compiling the validation engine's WebAssembly), and
// the JIT keeps improving for several more: hence 6 warm-up pairs.
const COMPARISON = { warmupPairs: 6, measuredPairs: 30 };
// Each round measures every size (the cheap 1-stack size several times) of both sides, alternating which goes first, so
// drift of a shared machine hits all alike.
const SCALING = { sizes: [1, 4, 16], warmupRounds: 1, rounds: 6, singleStackPerRound: 3 };

/** 1. Baseline vs hand-written, one production stack each, in A-B / B-A pairs so that drift cancels. */
function compareSynth(validation: boolean) {
  const samples: Record<'baseline' | 'hand-written', Sample[]> = { 'baseline': [], 'hand-written': [] };
  for (let i = 0; i < COMPARISON.warmupPairs + COMPARISON.measuredPairs; i++) {
    const order: Array<'baseline' | 'hand-written'> = i % 2 ? ['hand-written', 'baseline'] : ['baseline', 'hand-written'];
    for (const kind of order) {
      const s = sample(kind, PRODUCTION, validation);
      if (i >= COMPARISON.warmupPairs) samples[kind].push(s);
    }
  }
  const baseline = medians(samples.baseline);
  const handWritten = medians(samples['hand-written']);
  const ratio = (key: keyof Sample) => round3(baseline[key] / handWritten[key]);
  // The spread of the ratio within each adjacent pair tells how noisy the machine was during the run.
  const pairRatios = samples.baseline.map((s, i) => s.totalMs / samples['hand-written'][i].totalMs);
  return {
    builtinCloudFormationValidation: validation,
    ...COMPARISON,
    baselineMs: baseline,
    handWrittenMs: handWritten,
    ratios: { construct: ratio('constructMs'), synth: ratio('synthMs'), total: ratio('totalMs'), totalOnCpu: ratio('onCpuMs') },
    totalRatioPerPairQuartiles: [0.25, 0.5, 0.75].map((q) => round3(quantile(pairRatios, q))),
  };
}

/**
 * 1b. What monitoring adds: the default baseline (monitoring on) against the same baseline with monitoring off, in
 * A-B / B-A pairs like the comparison. Reported as a difference in ms and a ratio, apart from the like-for-like one.
 */
function compareMonitoring() {
  const samples: Record<'off' | 'on', Sample[]> = { off: [], on: [] };
  for (let i = 0; i < COMPARISON.warmupPairs + COMPARISON.measuredPairs; i++) {
    const order: Array<'off' | 'on'> = i % 2 ? ['on', 'off'] : ['off', 'on'];
    for (const which of order) {
      const s = sample(which === 'on' ? 'baseline' : 'baseline-without-monitoring', PRODUCTION);
      if (i >= COMPARISON.warmupPairs) samples[which].push(s);
    }
  }
  const off = medians(samples.off);
  const on = medians(samples.on);
  const delta = (key: keyof Sample) => round1(on[key] - off[key]);
  return {
    ...COMPARISON,
    monitoringOffMs: off,
    monitoringOnMs: on,
    addedMs: { construct: delta('constructMs'), synth: delta('synthMs'), total: delta('totalMs'), onCpu: delta('onCpuMs') },
    ratios: { total: round3(on.totalMs / off.totalMs), totalOnCpu: round3(on.onCpuMs / off.onCpuMs) },
  };
}

/**
 * 2. Time per stack in apps of 1, 4 and 16 stacks, the default baseline and the hand-written version side by side
 * (the same round, alternating which goes first): the hand-written ratio is what aws-cdk-lib itself does with more stacks.
 */
function measureScaling() {
  const kinds: Array<'baseline' | 'hand-written'> = ['baseline', 'hand-written'];
  const samples = new Map<string, Sample[]>(kinds.flatMap((kind) => SCALING.sizes.map((n) => [`${kind}/${n}`, []])));
  for (let round = 0; round < SCALING.warmupRounds + SCALING.rounds; round++) {
    for (const n of SCALING.sizes) {
      for (let k = 0; k < (n === 1 ? SCALING.singleStackPerRound : 1); k++) {
        for (const kind of (round + k) % 2 ? [...kinds].reverse() : kinds) {
          const s = sample(kind, environments(n));
          if (round >= SCALING.warmupRounds) samples.get(`${kind}/${n}`)!.push(s);
        }
      }
    }
  }
  const of = (kind: string) => {
    const sizes = SCALING.sizes.map((n) => {
      const m = medians(samples.get(`${kind}/${n}`)!);
      return { stacks: n, samples: samples.get(`${kind}/${n}`)!.length, ...m, msPerStack: round1(m.totalMs / n), onCpuMsPerStack: round1(m.onCpuMs / n) };
    });
    const [one, largest] = [sizes[0], sizes[sizes.length - 1]];
    return {
      sizes,
      ratio: round3(largest.totalMs / (largest.stacks * one.totalMs)),
      onCpuRatio: round3(largest.onCpuMs / (largest.stacks * one.onCpuMs)),
    };
  };
  const baseline = of('baseline');
  const handWritten = of('hand-written');
  return { ...SCALING, ...baseline, handWritten };
}

/** 3. What the default template costs at deploy time. */
function measureWeight(kind: Kind) {
  return inTempDir((outdir) => {
    const artifact = buildApp(kind, outdir, PRODUCTION).synth().stacks[0];
    const typeCounts = resourceTypeCounts(artifact.template);
    const types = Object.values<{ Type: string }>(artifact.template.Resources).map((r) => r.Type);
    const customTypes = types.filter((t) => t.startsWith('Custom::') || t === 'AWS::CloudFormation::CustomResource');
    const manifests = artifact.dependencies.filter(cxapi.AssetManifestArtifact.isAssetManifestArtifact);
    const files = manifests.flatMap((m) => Object.values(m.contents.files ?? {}));
    // What CloudFormation receives: the template file as the CDK writes it (indented JSON).
    const templateBytes = fs.statSync(artifact.templateFullPath).size;
    return {
      typeCounts,
      resources: types.length,
      lambdaFunctions: types.filter((t) => t === 'AWS::Lambda::Function').length,
      customResources: customTypes.length,
      customResourceTypes: [...new Set(customTypes)],
      // The template is itself published as a file asset; the others are code to upload (Lambda bundles).
      fileAssetsBesidesTemplate: files.filter((f) => f.source.path !== artifact.templateFile).length,
      dockerImageAssets: manifests.reduce((n, m) => n + Object.keys(m.contents.dockerImages ?? {}).length, 0),
      templateBytes,
      templateBytesMinified: Buffer.byteLength(JSON.stringify(artifact.template)),
      shareOfResourceLimit: round3(types.length / LIMITS.resources),
      shareOfTemplateLimit: round3(templateBytes / LIMITS.templateBytes),
    };
  });
}

/** 4. Peak RSS of a fresh process per run; the floor is the same process with nothing synthesized. */
function measureMemory() {
  const peakMb = (kind: Kind, count: number): number => {
    // transpile-only: a type-checking ts-node would add the compiler's memory to every number.
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'memory-child.ts'), kind, String(count)], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.dev.json') },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`memory child failed: ${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop()!).maxRssKb / 1024;
  };
  const floor = peakMb('baseline', 0);
  const one = peakMb('baseline', 1);
  const sixteen = peakMb('baseline', 16);
  const handWritten = peakMb('hand-written', 16);
  return {
    floorMb: Math.round(floor),
    baseline1PeakMb: Math.round(one),
    baseline16PeakMb: Math.round(sixteen),
    handWritten16PeakMb: Math.round(handWritten),
    mbPerExtraBaseline: round1((sixteen - one) / 15),
    ratio16AboveFloor: round3((sixteen - floor) / (handWritten - floor)),
  };
}

/** The library's commit, and whether src/ has uncommitted changes: the numbers belong to that code. */
function libraryRevision() {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: path.join(__dirname, '..'), encoding: 'utf8' }).stdout?.trim() ?? '';
  return { commit: git('rev-parse', '--short', 'HEAD'), srcModified: git('status', '--porcelain', 'src') !== '' };
}

function cdkVersion(): string {
  const pkg = path.join(path.dirname(require.resolve('aws-cdk-lib')), 'package.json');
  return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
}

const phaseSeconds: Record<string, number> = {};
function phase<T>(name: string, fn: () => T): T {
  const t0 = process.hrtime.bigint();
  const result = fn();
  phaseSeconds[name] = round1(Number(process.hrtime.bigint() - t0) / 1e9);
  return result;
}

// Before anything else: the type check ts-node did to load this file is not part of any phase.
phaseSeconds.startup = round1(process.uptime());
const loadAtStart = round1(os.loadavg()[0]);
const synth = phase('comparison', () => compareSynth(true));
const synthNoValidation = phase('comparisonWithoutValidation', () => compareSynth(false));
const monitoring = phase('monitoring', compareMonitoring);
const scaling = phase('scaling', measureScaling);
const weight = phase('weight', () => ({
  'baseline': measureWeight('baseline'),
  'hand-written': measureWeight('hand-written'),
  'baseline-without-monitoring': measureWeight('baseline-without-monitoring'),
}));
const memory = phase('memory', measureMemory);
const { typeCounts: baselineTypes, ...baselineWeight } = weight.baseline;
const { typeCounts: handWrittenTypes, ...handWrittenWeight } = weight['hand-written'];
const { typeCounts: withoutMonitoringTypes, ...withoutMonitoringWeight } = weight['baseline-without-monitoring'];
// The resource types monitoring adds, with their counts (the default baseline minus the one without monitoring).
const monitoringAdds = Object.fromEntries(Object.entries(baselineTypes)
  .map(([type, n]) => [type, n - (withoutMonitoringTypes[type] ?? 0)] as const)
  .filter(([, n]) => n !== 0));
// When the baseline's defaults change, hand-written-baseline.ts must follow, or the ratios compare different things;
// test/bench/like-for-like.test.ts fails then.
const differences = typeCountDifferences(baselineTypes, handWrittenTypes);

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    // Other processes on the machine: above ~1 per core, expect the ratios to move by several percent.
    loadAverage1m: { start: loadAtStart, end: round1(os.loadavg()[0]) },
  },
  node: process.version,
  awsCdkLib: cdkVersion(),
  library: libraryRevision(),
  // CDK_VALIDATION=false in the environment would turn the built-in validation off in every run.
  cdkValidationEnv: process.env.CDK_VALIDATION ?? null,
  targets: TARGETS,
  limits: LIMITS,
  met: {
    synthRatio: synth.ratios.total <= TARGETS.synthRatio,
    scalingRatio: scaling.ratio <= TARGETS.scalingRatio,
    lambdaBackedCustomResources: [weight.baseline, weight['baseline-without-monitoring']].every((w) => w.lambdaFunctions <= 1
      && w.customResourceTypes.every((t) => DOCUMENTED_CUSTOM_RESOURCES.includes(t))),
  },
  likeForLike: { sameResourceTypeCounts: differences.length === 0, differences, typeCounts: baselineTypes },
  synth,
  synthWithoutBuiltinValidation: synthNoValidation,
  monitoring: {
    ...monitoring,
    addedResources: baselineWeight.resources - withoutMonitoringWeight.resources,
    addedResourceTypes: monitoringAdds,
    addedTemplateBytes: baselineWeight.templateBytes - withoutMonitoringWeight.templateBytes,
  },
  scaling,
  weight: { 'baseline': baselineWeight, 'hand-written': handWrittenWeight, 'baseline-without-monitoring': withoutMonitoringWeight },
  memory,
  runtimeSeconds: { ...phaseSeconds, total: round1(process.uptime()) },
};
fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');

const ms = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const [b, h] = [synth.baselineMs, synth.handWrittenMs];
const [w, wh] = [baselineWeight, handWrittenWeight];
const rows: string[][] = [
  ['measure (medians)', 'baseline', 'hand-written L2', 'ratio', 'target'],
  ['construct', ms(b.constructMs), ms(h.constructMs), String(synth.ratios.construct), ''],
  ['app.synth()', ms(b.synthMs), ms(h.synthMs), String(synth.ratios.synth), ''],
  ['total', ms(b.totalMs), ms(h.totalMs), String(synth.ratios.total), `<= ${TARGETS.synthRatio} ${verdict(results.met.synthRatio)}`],
  ['  per-pair ratio, quartiles', '', '', synth.totalRatioPerPairQuartiles.join(' / '), '(noise)'],
  ['  on-CPU time of the thread', ms(b.onCpuMs), ms(h.onCpuMs), String(synth.ratios.totalOnCpu), '(cross-check)'],
  ['total, built-in validation off', ms(synthNoValidation.baselineMs.totalMs), ms(synthNoValidation.handWrittenMs.totalMs),
    String(synthNoValidation.ratios.total), '(informative)'],
  ['baseline: monitoring on / added', ms(monitoring.monitoringOnMs.totalMs), `+${ms(monitoring.addedMs.total)}`,
    String(monitoring.ratios.total), '(vs monitoring off, apart)'],
  ['  on-CPU time of the thread', ms(monitoring.monitoringOnMs.onCpuMs), `+${ms(monitoring.addedMs.onCpu)}`,
    String(monitoring.ratios.totalOnCpu), '(cross-check)'],
  ...scaling.sizes.map((s, i) => [`${s.stacks}-stack app, per stack`, ms(s.msPerStack), ms(scaling.handWritten.sizes[i].msPerStack), '', '']),
  ['16-stack / (16 x 1-stack)', String(scaling.ratio), String(scaling.handWritten.ratio), '',
    `baseline <= ${TARGETS.scalingRatio} ${verdict(results.met.scalingRatio)}`],
  ['  same, on-CPU time', String(scaling.onCpuRatio), String(scaling.handWritten.onCpuRatio), '', '(cross-check)'],
  ['resources', String(w.resources), String(wh.resources), '', `<= ${LIMITS.resources}`],
  ['  of which monitoring', `${results.monitoring.addedResources}`, '', '', ''],
  ['Lambda functions / Custom::*', `${w.lambdaFunctions} / ${w.customResources}`, `${wh.lambdaFunctions} / ${wh.customResources}`, '',
    `only the documented one: ${verdict(results.met.lambdaBackedCustomResources)}`],
  ['file assets besides the template', String(w.fileAssetsBesidesTemplate), String(wh.fileAssetsBesidesTemplate), '', ''],
  ['template bytes (as written)', String(w.templateBytes), String(wh.templateBytes), String(round3(w.templateBytes / wh.templateBytes)),
    `<= ${LIMITS.templateBytes}`],
  ['  of which monitoring', String(results.monitoring.addedTemplateBytes), '', '', ''],
  ['peak RSS, 16 stacks, fresh process', `${memory.baseline16PeakMb} MB`, `${memory.handWritten16PeakMb} MB`, String(memory.ratio16AboveFloor),
    `floor ${memory.floorMb} MB; ratio above floor`],
  ['RSS per extra baseline', `${memory.mbPerExtraBaseline} MB`, '', '', ''],
  ['like for like (resource type -> count)', differences.length === 0 ? 'same' : 'DIFFERENT', '', '', ''],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n'));
if (differences.length > 0) {
  console.log(`\nWARNING: not like for like, update bench/hand-written-baseline.ts:\n  ${differences.join('\n  ')}`);
}
console.log(`\n${results.machine.cpu}, ${results.machine.cores} cores, node ${results.node}, aws-cdk-lib ${results.awsCdkLib}. `
  + `Load average ${loadAtStart} at start, ${results.machine.loadAverage1m.end} at end. `
  + `Run took ${results.runtimeSeconds.total} s (${phaseSeconds.startup} s of it ts-node startup). Written to bench/results.json`);

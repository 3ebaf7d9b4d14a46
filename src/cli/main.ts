#!/usr/bin/env node
/**
 * The package's command, `npx numinia-baseline <command>`:
 *
 *   context [--app <command>] [--fleet <fleet.json>]
 *       writes cdk.context.json entries for the availability-zone lookups of the app in this directory (its cdk.json),
 *       or of every account and region of a fleet file, from the library's zone table: `cdk synth` then needs no
 *       credentials.
 */
import * as path from 'path';
import { ContextReport, answerLookups, contextForApp, fleetLookups, writeContext } from './context';

const USAGE = `usage: numinia-baseline context [--app <command>] [--fleet <fleet.json>]

  context   write the availability-zone entries of cdk.context.json for the app in this directory (the "app" of
            its cdk.json, or --app), or for every account and region of a fleet file (--fleet), so that
            cdk synth needs no AWS credentials`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) {
    return undefined;
  }
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new Error(`${name} needs a value\n\n${USAGE}`);
  }
  return value;
}

function print(report: ContextReport, file: string): void {
  console.log(report.added.length === 0
    ? `${file}: nothing to add`
    : `${file}: added ${report.added.length} entr${report.added.length === 1 ? 'y' : 'ies'}\n${report.added.map((k) => `  ${k}`).join('\n')}`);
  if (report.unanswered.length > 0) {
    console.log(`left to AWS (run cdk synth with credentials once, or write these by hand):\n${report.unanswered.map((u) => `  ${u}`).join('\n')}`);
  }
}

function main(args: string[]): void {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  if (command !== 'context') {
    throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
  const known = new Set(['--app', '--fleet']);
  const unknown = rest.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && !known.has(rest[i - 1]));
  if (unknown.length > 0) {
    throw new Error(`unknown option ${unknown.join(', ')}\n\n${USAGE}`);
  }
  const dir = process.cwd();
  const file = path.join(dir, 'cdk.context.json');
  const fleet = option(rest, '--fleet');
  const report = fleet !== undefined
    ? writeContext(file, answerLookups(fleetLookups(path.resolve(dir, fleet))))
    : contextForApp(dir, option(rest, '--app'));
  print(report, path.relative(dir, file));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`numinia-baseline: ${(error as Error).message}`);
  process.exitCode = 1;
}

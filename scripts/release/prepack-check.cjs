// `npm pack` and `npm publish` run this first (package.json "prepack"): the package is the compiled library (lib/ and
// .jsii), which a fresh clone does not have. Refuse with the command to run rather than pack an empty package, or one
// compiled from older sources. Plain Node, no dependency: it must work before `npm ci`.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const BUILD = 'npm ci && npx projen compile';

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const assembly = path.join(root, '.jsii');
const entry = path.join(root, 'lib', 'index.js');
let problem;
if (!fs.existsSync(assembly) || !fs.existsSync(entry)) {
  problem = 'the library is not compiled (no lib/index.js or .jsii)';
} else if (newest(path.join(root, 'src')) > Math.min(fs.statSync(assembly).mtimeMs, fs.statSync(entry).mtimeMs)) {
  problem = 'src/ changed after the last compile';
}
if (problem) {
  console.error(`npm pack: ${problem}, so the package would not hold the library you see in src/.\nRun \`${BUILD}\` first, then pack again.`);
  process.exit(1);
}

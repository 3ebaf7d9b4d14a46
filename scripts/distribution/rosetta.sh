#!/usr/bin/env bash
# Compile every TypeScript example of the package (README.md and @example doc comments, as jsii stored them in .jsii)
# and of the guides in docs/ with jsii-rosetta in strict mode: any example that does not compile fails. Examples are
# completed with rosetta/default.ts-fixture unless their fence says `nofixture` or `fixture=<name>`. The guides are in
# no assembly, so scripts/distribution/docs-assembly.ts makes one for them (a submodule README per guide), and one
# jsii-rosetta run compiles both.
#
# Writes the package's translations to .jsii.tabl.json next to .jsii: jsii-pacmak then uses them for the Python, Java,
# C# and Go READMEs and docs, and the npm package carries them. The guides' translations are thrown away.
#
# Usage: bash scripts/distribution/rosetta.sh   (after `npx projen compile`: snippets are read from .jsii)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

[ -f .jsii ] || { echo "rosetta: no .jsii: run 'npx projen compile' first" >&2; exit 1; }

# The compilation directory: the package itself plus everything in the repository's own node_modules (aws-cdk-lib,
# constructs and their dependencies, @types/node for the README app's process.env), linked, so nothing is downloaded.
[ -d node_modules/aws-cdk-lib ] && [ -d node_modules/@types/node ] || { echo "rosetta: run 'npm ci' first" >&2; exit 1; }
closure="$(mktemp -d "${TMPDIR:-/tmp}/numinia-rosetta.XXXXXX")"
trap 'rm -rf "$closure"' EXIT
mkdir -p "$closure/node_modules/@numinia"
for entry in "$ROOT"/node_modules/*; do
  ln -s "$entry" "$closure/node_modules/"
done
ln -s "$ROOT" "$closure/node_modules/@numinia/cdk-baseline"

npx ts-node --transpile-only --project tsconfig.dev.json scripts/distribution/docs-assembly.ts "$closure/docs"
npx jsii-rosetta extract --strict --directory "$closure" .jsii "$closure/docs"
node -e '
  const fs = require("fs");
  const count = (file) => {
    const snippets = Object.values(JSON.parse(fs.readFileSync(file, "utf-8")).snippets);
    return `${snippets.filter((s) => s.didCompile).length} of ${snippets.length}`;
  };
  console.log(`rosetta: ${count(".jsii.tabl.json")} snippets of the package (README.md, @example) and ${count(process.argv[1])} of docs/*.md compile (strict)`);
' "$closure/docs/.jsii.tabl.json"

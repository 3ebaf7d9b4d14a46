#!/usr/bin/env bash
# Synthesizes the compiled library (lib/) against the OLDEST aws-cdk-lib its peer range allows, and runs the
# cdk-nag packs over it: the unit suite runs against the newest release, this proves the floor still works.
set -euo pipefail
cd "$(dirname "$0")/.."
floor=$(node -p "require('./package.json').peerDependencies['aws-cdk-lib'].replace(/^[\^~>=]*/, '')")
constructs=$(node -p "require('./package.json').peerDependencies['constructs'].replace(/^[\^~>=]*/, '')")
nag=$(node -p "require('./package.json').devDependencies['cdk-nag']")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "floor check: aws-cdk-lib@$floor constructs@$constructs cdk-nag@$nag in $dir"
(cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
  "aws-cdk-lib@$floor" "constructs@$constructs" "cdk-nag@$nag")
# The package as npm would install it: lib/ and its manifest, resolving aws-cdk-lib from the floor install.
mkdir -p "$dir/node_modules/@numinia/cdk-baseline"
cp -r lib package.json .jsii "$dir/node_modules/@numinia/cdk-baseline/"
cp scripts/floor-check.js "$dir/"
(cd "$dir" && node floor-check.js)

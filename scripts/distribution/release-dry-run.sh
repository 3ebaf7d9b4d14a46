#!/usr/bin/env bash
# Release dry run, in a throwaway clone under /tmp (never in the working copy, never pushed, nothing published):
#   1. `npx projen bump`: next version from the conventional commits since the latest tag (commit-and-tag-version),
#      written to package.json, dist/version.txt, dist/releasetag.txt and dist/changelog.md;
#   2. the packages of that version: compile + jsii-pacmak js and python (DISTRIBUTION_RELEASE_PACKAGES=all: every
#      language through scripts/distribution/main.ts), to see the version reach the artifacts;
#   3. `npx projen unbump`, and a check that the clone is back to its committed state (what `release` checks last).
# `npx projen release` itself (= bump + build + unbump) is not run: `build` runs the whole test suite.
#
# Then the API compatibility check against a baseline with jsii-diff (scripts/distribution/api-compat.sh).
#
# Usage: bash scripts/distribution/release-dry-run.sh [<git ref to diff the API against; default: the latest tag>]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

clone="$(mktemp -d "${TMPDIR:-/tmp}/numinia-release-dry-run.XXXXXX")"
echo "release dry run in $clone (a clone of $ROOT at $(git -C "$ROOT" rev-parse --short HEAD); removed at the end unless KEEP=1)"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$clone"' EXIT
git clone --quiet "$ROOT" "$clone"
# The distribution scripts as in the working copy (they may not be committed yet).
mkdir -p "$clone/scripts" && rm -rf "$clone/scripts/distribution" "$clone/scripts/lib" && cp -a "$ROOT/scripts/distribution" "$ROOT/scripts/lib" "$clone/scripts/"
cd "$clone"
git config user.email "dry-run@example.invalid" && git config user.name "release dry run"
git remote remove origin   # nothing can be pushed from here
echo "==> npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "==> node $(node --version); commit-and-tag-version $(node -p 'require("commit-and-tag-version/package.json").version') declares node $(node -p 'require("commit-and-tag-version/package.json").engines.node')"
echo "==> latest tag: $(git describe --tags --abbrev=0 2>/dev/null || echo 'none (first release)')"
echo "==> npx projen bump"
npx projen bump
echo "    package.json version: $(node -p 'require("./package.json").version')"
echo "    dist/version.txt:     $(cat dist/version.txt)"
echo "    dist/releasetag.txt:  $(cat dist/releasetag.txt)"
echo "    dist/changelog.md:"
sed 's/^/      /' dist/changelog.md | head -40

if [ "${DISTRIBUTION_RELEASE_PACKAGES:-}" = all ]; then
  echo "==> every package and consumer with the bumped version (scripts/distribution/main.ts)"
  DISTRIBUTION_COMPILE=always npx ts-node --transpile-only --project tsconfig.dev.json scripts/distribution/main.ts || echo "    (distribution failed: see above)"
else
  echo "==> compile and package js + python with the bumped version"
  npx projen compile >/dev/null
  npx jsii-pacmak --force --no-npmignore --target js --target python >/dev/null
  ls -l dist/js dist/python | sed 's/^/    /'
fi

echo "==> npx projen unbump"
npx projen unbump
echo "    package.json version: $(node -p 'require("./package.json").version')"
echo "==> git status after unbump (release's last step is git diff --exit-code)"
git status --short | sed 's/^/    /'
git diff --ignore-space-at-eol --exit-code && echo "    clean: no tracked file changed"

baseline="${1:-$(git describe --tags --abbrev=0 2>/dev/null || true)}"
if [ -n "$baseline" ]; then
  echo "==> API compatibility against $baseline"
  bash scripts/distribution/api-compat.sh "$baseline" || echo "    jsii-diff reported breaking changes (see above)"
else
  echo "==> API compatibility: no tag yet, nothing published; pass a git ref (e.g. HEAD~5) to diff against it"
fi

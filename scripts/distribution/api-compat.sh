#!/usr/bin/env bash
# API compatibility of the working copy's .jsii with a baseline, by jsii-diff (breaking changes to stable APIs are
# errors; with --keys the report names each change's key, for .compatignore).
#
#   bash scripts/distribution/api-compat.sh <baseline>
#
# <baseline>:
#   npm:@numinia/cdk-baseline@<version>   a published release (what projen's `compat` task does with the latest one,
#                                         `jsii-diff npm:@numinia/cdk-baseline -k --ignore-file .compatignore`)
#   <git ref> (tag, commit, HEAD~3)       until a release is published: that commit is checked out in a temporary
#                                         worktree and compiled with jsii, and its assembly is the baseline
#   <directory>                           a directory holding a compiled package (package.json + .jsii)
#
# The package is experimental (stability in package.json): jsii-diff reports changes to experimental APIs as
# warnings only; --experimental-errors makes them errors (pass extra flags after the baseline).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

baseline="${1:?usage: api-compat.sh <npm:@numinia/cdk-baseline@version | git ref | directory> [jsii-diff flags]}"
shift
[ -f .jsii ] || { echo "api-compat: no .jsii: run 'npx projen compile' first" >&2; exit 1; }
ignore=()
[ -f .compatignore ] && ignore=(--ignore-file .compatignore)

case "$baseline" in
  npm:*) original="$baseline" ;;
  *)
    if [ -d "$baseline" ]; then
      original="$baseline"
    else
      worktree="$(mktemp -d "${TMPDIR:-/tmp}/numinia-api-baseline.XXXXXX")"
      trap 'git worktree remove --force "$worktree" >/dev/null 2>&1 || rm -rf "$worktree"' EXIT
      git worktree add --detach --quiet "$worktree" "$baseline"
      ln -s "$ROOT/node_modules" "$worktree/node_modules"
      echo "api-compat: compiling $baseline ($(git rev-parse --short "$baseline")) in $worktree"
      (cd "$worktree" && npx jsii --silence-warnings=reserved-word >/dev/null)
      original="$worktree"
    fi
    ;;
esac
echo "api-compat: npx jsii-diff $original . --keys ${ignore[*]} $*"
npx jsii-diff "$original" . --keys "${ignore[@]}" "$@"

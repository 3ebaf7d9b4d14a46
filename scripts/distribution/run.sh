#!/usr/bin/env bash
# Distribution check: build every language's package here with jsii-pacmak, install each into a fresh app of that
# language, synthesize the seed's production baseline, and compare every template with the TypeScript one.
#
#   bash scripts/distribution/run.sh          (projen task `distribution`; CI calls it with CI=true)
#
# Steps (each logged to dist/distribution/logs/<step>.log; a failed step names its language and shows its log's end):
#   compile            npx projen compile (jsii -> lib/, .jsii), only when .jsii is missing or older than src/,
#                      README.md or package.json (DISTRIBUTION_COMPILE=always forces it)
#   rosetta            README, docs/*.md and @example snippets compiled by jsii-rosetta --strict (scripts/distribution/rosetta.sh)
#   package:<lang>     jsii-pacmak --target js|python|java|go (the projen package:<lang> tasks' command, plus --force,
#                      and for Java a shared local Maven repository instead of a throwaway one) -> dist/<lang>
#   package:dotnet     jsii-pacmak --code-only --target dotnet -> dist/dotnet; C# files checked, NOT compiled (no .NET SDK)
#   npm-pack           what the npm tarball holds (scripts/distribution/check-npm-pack.ts)
#   consumer:<lang>    test/consumers/<lang>: install the package just built, synthesize into
#                      dist/distribution/consumers/<lang>/cdk.out
#   reference:<ver>    the TypeScript app again with the aws-cdk-lib version another language's registry serves
#   compare:<lang>     template equal to the TypeScript one with the same aws-cdk-lib (compare-templates.ts)
#
# Everything installed comes from the repository's files, pinned: node_modules (npm ci), test/consumers/*/ (package.json,
# requirements.txt + constraints.txt, pom.xml, go.mod + go.sum). Caches, reused between runs:
#   DISTRIBUTION_WORK   consumer work copies and their node_modules (default: /tmp/numinia-distribution-<hash of repo path>)
#   DISTRIBUTION_M2     local Maven repository (default: ~/.m2/repository)
#   test/consumers/python/.venv   the Python consumer's virtualenv (rebuilt when requirements/constraints change)
#   Go: the usual GOMODCACHE / GOCACHE (GOFLAGS gets -mod=mod)
# No AWS access: CDK_DEFAULT_ACCOUNT/REGION are unset, synthesis only.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/dist/distribution"
LOGS="$OUT/logs"
WORK="${DISTRIBUTION_WORK:-${TMPDIR:-/tmp}/numinia-distribution-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}"
M2="${DISTRIBUTION_M2:-$HOME/.m2/repository}"
VENV="$ROOT/test/consumers/python/.venv"

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
unset CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION CDK_CONTEXT_JSON CDK_OUTDIR

RUN_START=$(date +%s.%N)
rm -rf "$OUT"
mkdir -p "$LOGS" "$OUT/consumers" "$WORK"

# ---------------------------------------------------------------------------------------------------------------------
# Step runner
declare -a ORDER=()
declare -A STATUS=() TOOK=() NOTE=()

seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# run_step <id> <label> <needs: comma-separated step ids, or -> <function> [args...]
run_step() {
  local id="$1" label="$2" needs="$3" fn="$4"
  shift 4
  local log="$LOGS/${id//[:@]/-}.log" need
  ORDER+=("$id")
  if [ "$needs" != "-" ]; then
    for need in ${needs//,/ }; do
      if [ "${STATUS[$need]:-}" != "PASS" ]; then
        STATUS[$id]=FAIL TOOK[$id]=0 NOTE[$id]="not run: $need ${STATUS[$need]:-did not run}"
        echo "==> FAIL [$id] $label: not run because $need failed"
        return 1
      fi
    done
  fi
  echo "==> [$id] $label"
  local start rc
  start=$(date +%s.%N)
  (set -euo pipefail; "$fn" "$@") >"$log" 2>&1
  rc=$?
  TOOK[$id]=$(seconds_since "$start")
  if [ $rc -eq 0 ]; then
    STATUS[$id]=PASS
    echo "    PASS in ${TOOK[$id]} s${NOTE[$id]:+ (${NOTE[$id]})}"
  else
    STATUS[$id]=FAIL
    echo "    FAIL [$id] $label (exit $rc, ${TOOK[$id]} s); log: ${log#"$ROOT"/}"
    [ -n "${QUIET_FAIL:-}" ] || grep -v '^!!' "$log" | tail -n 40 | sed 's/^/    | /'
  fi
  return $rc
}

# A value a step function computes for the summary (it runs in a subshell): written to $OUT/notes/<id>.
note() { mkdir -p "$OUT/notes"; printf '%s' "$2" >"$OUT/notes/${1//[:@\/]/-}"; }
read_note() { cat "$OUT/notes/${1//[:@\/]/-}" 2>/dev/null || true; }

kib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f KiB", b / 1024 }'; }
json_field() { node -e "const f = require('fs'); process.stdout.write(String(JSON.parse(f.readFileSync(process.argv[1], 'utf-8'))$2))" "$1"; }

# ---------------------------------------------------------------------------------------------------------------------
# Preflight: the tools, and the repository's own dev dependencies (npm ci from package-lock.json).
echo "distribution: node $(node --version), npm $(npm --version), $(python3 --version 2>&1), $(java -version 2>&1 | head -1),"
echo "  $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), $(go version 2>/dev/null), work dir $WORK"
for tool in node npm python3 java mvn go tar; do
  command -v "$tool" >/dev/null || { echo "distribution: FAIL: '$tool' is not installed (needed to build and use the packages)"; exit 1; }
done
if [ ! -x node_modules/.bin/jsii-pacmak ]; then
  echo "==> node_modules missing: npm ci"
  npm ci --no-audit --no-fund >"$LOGS/npm-ci.log" 2>&1 || { echo "distribution: FAIL: npm ci (see $LOGS/npm-ci.log)"; exit 1; }
fi

VERSION=$(json_field package.json .version)
GO_MODULE_ROOT=$(json_field package.json .jsii.targets.go.moduleName)
GO_PACKAGE=$(json_field package.json .jsii.targets.go.packageName)
GO_MODULE="$GO_MODULE_ROOT/$GO_PACKAGE"

# ---------------------------------------------------------------------------------------------------------------------
# Build
step_compile() {
  if [ "${DISTRIBUTION_COMPILE:-}" != "always" ] && [ -f .jsii ] && [ -f lib/index.js ] \
    && [ -z "$(find src README.md package.json -newer .jsii -print -quit)" ]; then
    echo "lib/ and .jsii are newer than src/, README.md and package.json: not recompiling"
    note compile "up to date, not recompiled"
    return 0
  fi
  npx projen compile
}

step_rosetta() {
  bash scripts/distribution/rosetta.sh
  note rosetta "$(node -e '
    const t = JSON.parse(require("fs").readFileSync(".jsii.tabl.json", "utf-8"));
    const s = Object.values(t.snippets);
    console.log(`${s.filter((x) => x.didCompile).length} of ${s.length} TypeScript snippets compile (strict)`);')"
}

pacmak() { npx jsii-pacmak -v --force --no-npmignore "$@"; }

step_package_js() {
  pacmak --target js
  local tgz
  tgz=$(ls dist/js/*.jsii.tgz)
  note package:js "$(basename "$tgz") $(kib "$tgz")"
}
step_package_python() {
  pacmak --target python
  local whl sdist
  whl=$(ls dist/python/*.whl)
  sdist=$(ls dist/python/*.tar.gz)
  note package:python "$(basename "$whl") $(kib "$whl"), sdist $(kib "$sdist")"
}
# Maven Central, as reachable here, serves aws-cdk-lib jars up to 2.272.0 but its maven-metadata.xml lists versions
# only up to 2.263.0, so the version range jsii-pacmak derives from the peer dependency (^2.269.0 -> [2.269.0,3.0.0))
# matches nothing and the Java build fails ("No versions available"). Registering the aws-cdk-lib the Java consumer
# pins as installed in the local repository (maven-metadata-local.xml) gives the range a version to resolve to. Where
# Central's metadata is current, its newest version still wins, as it would without this.
maven_register_cdk() {
  local version meta dir tmp
  version=$(sed -n 's#.*<aws-cdk-lib.version>\(.*\)</aws-cdk-lib.version>.*#\1#p' test/consumers/java/pom.xml)
  meta="$M2/software/amazon/awscdk/aws-cdk-lib/maven-metadata-local.xml"
  if [ -f "$meta" ] && grep -q "<version>$version</version>" "$meta"; then return 0; fi
  echo "registering software.amazon.awscdk:aws-cdk-lib:$version in $M2 (maven-metadata-local.xml)"
  mvn -B -q "-Dmaven.repo.local=$M2" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
    "-Dartifact=software.amazon.awscdk:aws-cdk-lib:$version" -Dtransitive=false
  dir="$M2/software/amazon/awscdk/aws-cdk-lib/$version"
  tmp=$(mktemp -d)
  cp "$dir/aws-cdk-lib-$version.jar" "$dir/aws-cdk-lib-$version.pom" "$tmp/"
  mvn -B -q "-Dmaven.repo.local=$M2" org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    "-Dfile=$tmp/aws-cdk-lib-$version.jar" "-DpomFile=$tmp/aws-cdk-lib-$version.pom"
  rm -rf "$tmp"
}

step_package_java() {
  mkdir -p "$M2"
  maven_register_cdk
  pacmak --target java --maven-local-repository "$M2"
  local jar="dist/java/io/numinia/cdk-baseline/$VERSION/cdk-baseline-$VERSION.jar"
  [ -f "$jar" ] || { echo "no $jar"; return 1; }
  note package:java "$(basename "$jar") $(kib "$jar") (+ sources, javadoc, pom in dist/java); its pom: aws-cdk-lib $(sed -n '/<artifactId>aws-cdk-lib</{n;s#.*<version>\(.*\)</version>.*#\1#p}' "${jar%.jar}.pom")"
}
step_package_go() {
  pacmak --target go
  [ -f "dist/go/$GO_PACKAGE/go.mod" ] || { echo "no dist/go/$GO_PACKAGE/go.mod"; return 1; }
  note package:go "module $GO_MODULE: $(find "dist/go/$GO_PACKAGE" -type f | wc -l) files, $(du -sk "dist/go/$GO_PACKAGE" | cut -f1) KiB (source; built with go build ./...)"
}
step_package_dotnet() {
  pacmak --code-only --target dotnet
  npx ts-node --project tsconfig.dev.json scripts/distribution/check-dotnet.ts .jsii dist/dotnet
  note package:dotnet "generated only: $(find dist/dotnet -name '*.cs' | wc -l) C# files, $(du -sk dist/dotnet | cut -f1) KiB; not compiled"
}
step_npm_pack() {
  npx ts-node --project tsconfig.dev.json scripts/distribution/check-npm-pack.ts "$(ls dist/js/*.jsii.tgz)" "$OUT/npm-pack.json"
  note npm-pack "$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf-8"));
    console.log(`${r.files} files, ${(r.tarballBytes / 1024).toFixed(0)} KiB packed, ${(r.unpackedBytes / 1024).toFixed(0)} KiB unpacked: ${Object.keys(r.byTop).join(" ")}`);' "$OUT/npm-pack.json")"
}

# ---------------------------------------------------------------------------------------------------------------------
# Consumers. Each writes dist/distribution/consumers/<name>/{cdk.out/, consumer.json}.

# write_consumer_json <name> <language> <aws-cdk-lib version> <install seconds> <synth seconds>
write_consumer_json() {
  local dir="$OUT/consumers/$1"
  [ -f "$dir/cdk.out/numinia-production-baseline.template.json" ] || { echo "no template in $dir/cdk.out"; return 1; }
  cat >"$dir/consumer.json" <<EOF
{ "language": "$2", "awsCdkLib": "$3", "template": "cdk.out/numinia-production-baseline.template.json",
  "installSeconds": $4, "synthSeconds": $5 }
EOF
  note "synth-$1" "$5"
  note "install-$1" "$4"
  note "cdk-$1" "$3"
  echo "$1: aws-cdk-lib $3, install/build ${4} s, synth ${5} s"
}

# ts_app <name> <aws-cdk-lib version, empty for the pinned one>: the TypeScript consumer in $WORK/<name>.
ts_app() {
  local name="$1" version="$2" dir="$WORK/$1" start install synth
  local tgz
  tgz="$(ls "$ROOT"/dist/js/*.jsii.tgz)"
  mkdir -p "$dir"
  cp test/consumers/typescript/package.json test/consumers/typescript/tsconfig.json test/consumers/typescript/app.cts "$dir/"
  rm -rf "$dir/node_modules/@numinia" "$dir/build"
  start=$(date +%s.%N)
  if [ -n "$version" ]; then (cd "$dir" && npm pkg set "dependencies.aws-cdk-lib=$version"); fi
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --no-package-lock "$tgz")
  # The package installed is the one just built: same assembly fingerprint as .jsii.
  node -e '
    const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf-8")).fingerprint);
    if (a !== b) { console.error(`installed .jsii fingerprint ${a} is not the one just built (${b})`); process.exit(1); }
  ' "$dir/node_modules/@numinia/cdk-baseline/.jsii" "$ROOT/.jsii"
  if [ "$name" = typescript ]; then
    (cd "$dir" && npx tsc -p tsconfig.json)
  else
    mkdir -p "$dir/build" && cp "$WORK/typescript/build/app.cjs" "$dir/build/"
  fi
  install=$(seconds_since "$start")
  version=$(json_field "$dir/node_modules/aws-cdk-lib/package.json" .version)
  mkdir -p "$OUT/consumers/$name"
  start=$(date +%s.%N)
  (cd "$dir" && node build/app.cjs "$OUT/consumers/$name/cdk.out")
  synth=$(seconds_since "$start")
  write_consumer_json "$name" "$([ "$name" = typescript ] && echo typescript || echo typescript-reference)" \
    "$version" "$install" "$synth"
}

step_consumer_typescript() { ts_app typescript ""; }

step_consumer_python() {
  local src="$ROOT/test/consumers/python" stamp="$VENV/consumer-requirements.txt" whl start install synth version
  whl="$(ls "$ROOT"/dist/python/*.whl)"
  start=$(date +%s.%N)
  if ! cat "$src/requirements.txt" "$src/constraints.txt" | cmp -s - "$stamp"; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet -r "$src/requirements.txt" -c "$src/constraints.txt"
    cat "$src/requirements.txt" "$src/constraints.txt" >"$stamp"
  fi
  # The wheel's own requirements from the pinned set, then the wheel itself afresh (its version rarely changes).
  "$VENV/bin/pip" install --quiet -c "$src/constraints.txt" "$whl"
  "$VENV/bin/pip" install --quiet --no-deps --force-reinstall "$whl"
  "$VENV/bin/pip" check
  install=$(seconds_since "$start")
  version=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("aws-cdk-lib"))')
  mkdir -p "$OUT/consumers/python"
  start=$(date +%s.%N)
  (cd "$src" && "$VENV/bin/python" app.py "$OUT/consumers/python/cdk.out")
  synth=$(seconds_since "$start")
  write_consumer_json python python "$version" "$install" "$synth"
}

step_consumer_java() {
  local dir="$WORK/java" start install synth version jar cached
  rm -rf "$dir" && cp -a "$ROOT/test/consumers/java" "$dir"
  # A release version is never fetched twice by Maven: drop the copy a previous run cached.
  rm -rf "$M2/io/numinia/cdk-baseline"
  start=$(date +%s.%N)
  (cd "$dir" && mvn -B -q "-Dmaven.repo.local=$M2" "-Dnuminia.repository=file://$ROOT/dist/java" \
    "-Dnuminia.version=$VERSION" compile dependency:build-classpath -Dmdep.outputFile=classpath.txt)
  jar="$ROOT/dist/java/io/numinia/cdk-baseline/$VERSION/cdk-baseline-$VERSION.jar"
  cached="$M2/io/numinia/cdk-baseline/$VERSION/cdk-baseline-$VERSION.jar"
  cmp "$jar" "$cached" || { echo "the jar on the classpath is not the one just built"; return 1; }
  install=$(seconds_since "$start")
  version=$(tr ':' '\n' <"$dir/classpath.txt" | sed -n 's#.*/aws-cdk-lib/\([^/]*\)/aws-cdk-lib-.*\.jar$#\1#p')
  mkdir -p "$OUT/consumers/java"
  start=$(date +%s.%N)
  java -cp "$dir/target/classes:$(cat "$dir/classpath.txt")" io.numinia.consumer.App "$OUT/consumers/java/cdk.out"
  synth=$(seconds_since "$start")
  write_consumer_json java java "$version" "$install" "$synth"
}

step_consumer_go() {
  local dir="$WORK/go" start install synth version
  rm -rf "$dir" && cp -a "$ROOT/test/consumers/go" "$dir"
  start=$(date +%s.%N)
  (cd "$dir" && go mod edit "-replace=$GO_MODULE=$ROOT/dist/go/$GO_PACKAGE" && go build -o consumer .)
  install=$(seconds_since "$start")
  version=$(cd "$dir" && go list -m -f '{{.Version}}' github.com/aws/aws-cdk-go/awscdk/v2)
  mkdir -p "$OUT/consumers/go"
  start=$(date +%s.%N)
  (cd "$dir" && ./consumer "$OUT/consumers/go/cdk.out")
  synth=$(seconds_since "$start")
  write_consumer_json go go "${version#v}" "$install" "$synth"
}

step_reference() {
  if [ -z "$(npm view "aws-cdk-lib@$1" version 2>/dev/null)" ]; then
    echo "npm does not serve aws-cdk-lib@$1: pin the consumer that uses it to a version npm serves too"
    return 1
  fi
  ts_app "typescript-$1" "$1"
}

step_compare() {
  npx ts-node --project tsconfig.dev.json scripts/distribution/compare-templates.ts "$OUT/consumers" "$OUT/compare.json"
}

# ---------------------------------------------------------------------------------------------------------------------
run_step compile "jsii compile (lib/, .jsii)" - step_compile
run_step rosetta "README, docs/*.md and @example snippets, jsii-rosetta --strict" compile step_rosetta
run_step package:js "npm tarball (jsii-pacmak --target js)" compile step_package_js
run_step package:python "Python wheel (jsii-pacmak --target python)" compile step_package_python
run_step package:java "Java jar into dist/java (jsii-pacmak --target java)" compile step_package_java
run_step package:go "Go module (jsii-pacmak --target go, go build)" compile step_package_go
run_step package:dotnet ".NET code generation only (no .NET SDK here)" compile step_package_dotnet
run_step npm-pack "npm tarball contents" package:js step_npm_pack
run_step consumer:typescript "TypeScript app with the npm tarball" package:js step_consumer_typescript
run_step consumer:python "Python app with the wheel" package:python step_consumer_python
run_step consumer:java "Java app with the jar" package:java step_consumer_java
run_step consumer:go "Go app with the module" package:go step_consumer_go

# The TypeScript app with each other aws-cdk-lib version a consumer ran with, as that consumer's reference.
TS_CDK=$(read_note cdk-typescript)
for lang in python java go; do read_note "cdk-$lang"; echo; done | sort -u | while read -r v; do
  [ -n "$v" ] && [ "$v" != "$TS_CDK" ] && echo "$v"
done >"$OUT/reference-versions.txt"
while read -r v; do
  run_step "reference:$v" "TypeScript app with aws-cdk-lib $v (reference for the languages on $v)" consumer:typescript \
    step_reference "$v"
done <"$OUT/reference-versions.txt"

QUIET_FAIL=1 run_step compare "templates of every language vs TypeScript" consumer:typescript step_compare
grep -v '^!!' "$LOGS/compare.log" | sed -n '/^Template comparison/,$p' | sed 's/^/    /'
# One line per language in the summary, from the comparison's results.
if [ -f "$OUT/compare.json" ]; then
  while IFS=$'\t' read -r lang status detail; do
    ORDER+=("compare:$lang") STATUS[compare:$lang]=$status TOOK[compare:$lang]=0 NOTE[compare:$lang]=$detail
  done < <(node -e '
    for (const r of require(process.argv[1])) {
      console.log([r.language, r.status, `vs ${r.reference}` + (r.status === "PASS" ? "" : `: ${r.differences.length} difference(s)`)].join("\t"));
    }' "$OUT/compare.json")
fi
for lang in python java go; do
  if [ "${STATUS[consumer:$lang]:-}" != PASS ]; then
    ORDER+=("compare:$lang") STATUS[compare:$lang]=FAIL TOOK[compare:$lang]=0 NOTE[compare:$lang]="not run: consumer:$lang failed"
  fi
done

# ---------------------------------------------------------------------------------------------------------------------
# Summary
for id in "${ORDER[@]}"; do
  case "$id" in
    consumer:*) n=${id#consumer:}; [ "${STATUS[$id]}" = PASS ] && NOTE[$id]="aws-cdk-lib $(read_note "cdk-$n"): install/build $(read_note "install-$n") s, synth $(read_note "synth-$n") s" ;;
    reference:*) n="typescript-${id#reference:}"; [ "${STATUS[$id]}" = PASS ] && NOTE[$id]="install $(read_note "install-$n") s, synth $(read_note "synth-$n") s" ;;
    *) [ -z "${NOTE[$id]:-}" ] && NOTE[$id]="$(read_note "$id")" ;;
  esac
done
TOTAL=$(seconds_since "$RUN_START")
passed=0 failed=0 broken=()
{
  echo "# Distribution check ($(date -u +%Y-%m-%dT%H:%M:%SZ), package version $VERSION)"
  echo
  echo "| step | result | seconds | detail |"
  echo "|---|---|---|---|"
  for id in "${ORDER[@]}"; do echo "| $id | ${STATUS[$id]} | ${TOOK[$id]} | ${NOTE[$id]:-} |"; done
  echo
  echo "Total: $TOTAL s"
} >"$OUT/summary.md"
echo
echo "Distribution summary (also in ${OUT#"$ROOT"/}/summary.md):"
for id in "${ORDER[@]}"; do
  printf '  %-4s %-22s %7s s  %s\n' "${STATUS[$id]}" "$id" "${TOOK[$id]}" "${NOTE[$id]:-}"
  if [ "${STATUS[$id]}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); broken+=("$id"); fi
done
echo "  total $TOTAL s"
if [ $failed -gt 0 ]; then
  echo "distribution: FAILED: ${broken[*]}"
fi
echo "distribution: $passed passed, $failed failed"
[ $failed -eq 0 ]

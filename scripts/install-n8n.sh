#!/usr/bin/env bash
# Installs the pinned n8n used by the demo, the end-to-end suite and the benchmarks into a cache folder outside
# the repository, and reuses it when it is already there and still works. Prints the path of the n8n binary on its
# last line; everything else goes to stderr.
#
# The install must not depend on how it was called. Inside `npm run`, npm exports its whole configuration as
# npm_config_* variables, among them the project's ignore-scripts=true (see .npmrc): a nested install that inherits
# it skips sqlite3's native build and n8n then fails with "SQLite package has not been found installed". So the
# variables that change what gets installed are dropped here and the ones that matter are set on the command line,
# which also outranks any .npmrc of the user's. Registry, proxy and certificate settings are kept.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.8.4}"
CACHE_ROOT="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-openai-org}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
BIN="$DIR/node_modules/.bin/n8n"
MARKER="$DIR/.installed"

say() { printf '%s\n' "$*" >&2; }

for name in ignore_scripts dry_run global location prefix production only omit include also package_lock \
  package_lock_only install_strategy global_style legacy_bundling install_links workspace workspaces \
  include_workspace_root save save_dev save_optional save_prod save_exact offline prefer_offline; do
  unset "npm_config_$name" "NPM_CONFIG_$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')" 2>/dev/null || true
done

# What "installed" means: the binary reports the pinned version and the SQLite driver n8n needs loads and opens a
# database. Checked after every install and again on every reuse, so a cache left broken is never trusted.
works() {
  [ -x "$BIN" ] || return 1
  (cd "$DIR" && node -e '
    const sqlite3 = require("sqlite3");
    const db = new sqlite3.Database(":memory:", (error) => { if (error) { console.error(error.message); process.exit(1); } db.close(); });
  ') >&2 || return 1
  local version
  version=$("$BIN" --version 2>/dev/null | tail -n 1) || return 1
  [ "$version" = "$N8N_VERSION" ] || { say "n8n in $DIR reports version '$version', expected $N8N_VERSION"; return 1; }
}

mkdir -p "$CACHE_ROOT"
# Two callers at once (the demo and the end-to-end suite) wait for each other instead of installing into one folder.
exec 9>"$CACHE_ROOT/.install-$N8N_VERSION.lock"
flock 9

if [ -f "$MARKER" ] && works; then
  echo "$BIN"
  exit 0
fi

if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ]; then
  if [ -f "$MARKER" ]; then
    say "The cached n8n $N8N_VERSION in $DIR no longer works (see above): installing it again."
  else
    say "Found an unfinished n8n $N8N_VERSION install in $DIR (interrupted or failed earlier): installing it again."
  fi
  rm -rf "$DIR"
fi
mkdir -p "$DIR"
cd "$DIR"
# The host package must not be called "n8n". n8n-nodes-base points xlsx at a CDN tarball that cannot be reached.
cat > package.json <<JSON
{
  "name": "n8n-host-for-openai-org-tests",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
say "Installing n8n $N8N_VERSION into $DIR, starting from an empty folder (about 5 minutes)..."
started=$(date +%s)
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --yes \
  --ignore-scripts=false --dry-run=false --global=false --include=prod --include=optional --package-lock=true >&2
if ! works; then
  say "n8n $N8N_VERSION was installed into $DIR but does not work (see above); the folder is left unmarked, so the next run installs it again."
  exit 1
fi
echo "$N8N_VERSION" > "$MARKER"
say "n8n $N8N_VERSION installed and checked (it starts and its SQLite driver loads) in $(( $(date +%s) - started )) s."
echo "$BIN"

#!/usr/bin/env bash
# Installs the pinned n8n used by the end-to-end suite, the demo and the benchmarks into a cache folder outside
# the repository, and reuses it when it is already there. Prints the path of the n8n binary on its last line.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.8.4}"
CACHE_ROOT="${N8N_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-openai-org}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION"
BIN="$DIR/node_modules/.bin/n8n"
if [ -x "$BIN" ] && [ -f "$DIR/.installed" ]; then
  echo "$BIN"
  exit 0
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
echo "Installing n8n $N8N_VERSION into $DIR (first time only, about 5 minutes)..." >&2
npm_config_yes=true npm install --no-audit --no-fund --loglevel=error >&2
touch .installed
echo "$BIN"

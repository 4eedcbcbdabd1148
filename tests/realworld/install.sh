#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs tests/realworld/app twice into DIR, once with npm and once with pnpm, as a new user
# would. Exits 0 even when the registry cannot be reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/app" && pwd)"
source "$(dirname "$0")/../support/npm_fixture.sh"
dir="$1"
mkdir -p "$dir"
rm -f "$dir/unavailable.txt"
install() { # install LAYOUT COMMAND...
    local layout="$1"; shift
    local target="$dir/$layout"
    if [ -f "$target/node_modules/lucide-react/package.json" ]; then
        return 0
    fi
    rm -rf "$target" && mkdir -p "$target" && cp -r "$source_dir/." "$target/"
    if ! (cd "$target" && npm_fixture_step 270 "$dir/$layout-install.log" "$@"); then
        { echo "$layout install failed:"; tail -5 "$dir/$layout-install.log"; } >> "$dir/unavailable.txt"
        rm -rf "$target" # never taken for a complete install next time
    fi
}
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not available" > "$dir/unavailable.txt"
    exit 0
fi
install npm npm install --no-audit --no-fund --no-package-lock --silent
install pnpm npx --yes pnpm@9.15.9 install --silent --config.confirmModulesPurge=false
exit 0

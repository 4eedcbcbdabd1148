#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs tests/treeshake/app into DIR with npm (pinned versions, esbuild among them as the test
# oracle) and bundles it with esbuild's metafile. Exits 0 even when the registry cannot be
# reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/app" && pwd)"
dir="$1"
mkdir -p "$dir"
rm -f "$dir/unavailable.txt"
if ! command -v npm >/dev/null 2>&1; then
    echo "npm not available" > "$dir/unavailable.txt"
    exit 0
fi
app="$dir/app"
if [ ! -x "$app/node_modules/.bin/esbuild" ] || ! cmp -s "$source_dir/package.json" "$app/package.json"; then
    rm -rf "$app" && mkdir -p "$app" && cp -r "$source_dir/." "$app/"
    if ! (cd "$app" && npm install --no-audit --no-fund --no-package-lock --silent) \
            > "$dir/install.log" 2>&1; then
        { echo "npm install failed:"; tail -5 "$dir/install.log"; } > "$dir/unavailable.txt"
        exit 0
    fi
fi
cp "$source_dir/src/main.js" "$app/src/main.js"
if ! (cd "$app" && ./node_modules/.bin/esbuild src/main.js --bundle --format=esm \
        --platform=browser --metafile=meta.json --outfile=out/bundle.js --log-level=error) \
        > "$dir/esbuild.log" 2>&1; then
    { echo "esbuild failed:"; tail -5 "$dir/esbuild.log"; } > "$dir/unavailable.txt"
fi
exit 0

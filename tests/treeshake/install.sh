#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs tests/treeshake/app into DIR with npm (pinned versions, esbuild among them as the test
# oracle) and bundles it with esbuild's metafile. Exits 0 even when the registry cannot be
# reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/app" && pwd)"
source "$(dirname "$0")/../support/npm_fixture.sh"
dir="$1"
npm_fixture_install "$source_dir" "$dir" node_modules/.bin/esbuild || exit 0
app="$dir/app"
cp "$source_dir/src/main.js" "$app/src/main.js"
if ! (cd "$app" && ./node_modules/.bin/esbuild src/main.js --bundle --format=esm \
        --platform=browser --metafile=meta.json --outfile=out/bundle.js --log-level=error) \
        > "$dir/esbuild.log" 2>&1; then
    { echo "esbuild failed:"; tail -5 "$dir/esbuild.log"; } > "$dir/unavailable.txt"
fi
exit 0

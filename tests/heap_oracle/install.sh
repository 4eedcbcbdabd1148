#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs memlab's heap analysis (pinned; the test oracle of `fanout heap`) into DIR with npm,
# has Node write a heap snapshot of known structures and memlab list the 50 nodes retaining most.
# Exits 0 even when the registry cannot be reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/app" && pwd)"
source "$(dirname "$0")/../support/npm_fixture.sh"
dir="$1"
# memlab depends on puppeteer, whose browser download the heap analysis does not need.
export PUPPETEER_SKIP_DOWNLOAD=1
npm_fixture_install "$source_dir" "$dir" node_modules/@memlab/heap-analysis/package.json || exit 0
app="$dir/app"
cp "$source_dir/held.js" "$source_dir/top.js" "$app/"
rm -f "$dir/held.heapsnapshot" "$dir/memlab-top.json"
if ! (cd "$app" && node held.js "$dir/held.heapsnapshot" && node top.js "$dir/held.heapsnapshot" \
        > "$dir/memlab-top.json.part" && mv "$dir/memlab-top.json.part" "$dir/memlab-top.json") \
        > "$dir/memlab.log" 2>&1; then
    { echo "the snapshot or memlab's analysis failed:"; tail -5 "$dir/memlab.log"; } \
        > "$dir/unavailable.txt"
fi
exit 0

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs tests/nextjs/app into DIR with npm (pinned versions: next 15.5.29, react 19.1.10,
# sonner, lucide-react) and runs `next build`, whose client and server reference manifests are the
# test's oracle. Exits 0 even when the registry cannot be reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/app" && pwd)"
source "$(dirname "$0")/../support/npm_fixture.sh"
dir="$1"
npm_fixture_install "$source_dir" "$dir" node_modules/.bin/next --ignore-scripts || exit 0
app="$dir/app"
# The sources again (they may have changed), then a fresh production build.
rm -rf "$app/.next" "$app/app" "$app/components" "$app/lib" "$app/pages"
cp -r "$source_dir/." "$app/"
if ! (cd "$app" && export NEXT_TELEMETRY_DISABLED=1 && npm_fixture_step 360 "$dir/next-build.log" \
        ./node_modules/.bin/next build); then
    { echo "next build failed:"; tail -15 "$dir/next-build.log"; } > "$dir/unavailable.txt"
fi
exit 0

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the reference resolvers for the conformance test into DIR (outside the repository).
# Exits 0 even when the registry cannot be reached: the test then skips and says why.
set -uo pipefail
source "$(dirname "$0")/../support/npm_fixture.sh"
dir="$1"
mkdir -p "$dir"
rm -f "$dir/unavailable.txt"
# The resolver itself, and a real package tree to compare on (pinned versions).
packages=(enhanced-resolve@5.27.0 react@19.2.0 react-dom@19.2.0 lucide-react@0.460.0
          @radix-ui/react-slot@1.2.3 zod@3.25.76 date-fns@4.1.0)
if [ -f "$dir/node_modules/lucide-react/package.json" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "node/npm not available" > "$dir/unavailable.txt"
    exit 0
fi
if ! npm_fixture_step 420 "$dir/install.log" npm install --prefix "$dir" --no-save \
        --no-package-lock --no-audit --no-fund --silent --fetch-timeout=60000 --fetch-retries=2 \
        "${packages[@]}"; then
    { echo "npm install ${packages[*]} failed:"; tail -5 "$dir/install.log"; } \
        > "$dir/unavailable.txt"
    rm -rf "$dir/node_modules" # never taken for a complete install next time
fi
exit 0

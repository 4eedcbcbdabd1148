#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the packages of tests/lexer/packages into DIR with npm (pinned versions, install
# scripts not run): the real-world corpus on which the import lexer must agree with tree-sitter.
# Exits 0 even when the registry cannot be reached: the test then skips and says why.
set -uo pipefail
source_dir="$(cd "$(dirname "$0")/packages" && pwd)"
source "$(dirname "$0")/../support/npm_fixture.sh"
npm_fixture_install "$source_dir" "$1" node_modules/typescript/package.json --ignore-scripts
exit 0

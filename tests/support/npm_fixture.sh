# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the install scripts of the tests that compare Fanout with real tools on packages
# installed with npm at test time. They exit 0 even when the registry cannot be reached: the test
# then skips and prints the reason written to DIR/unavailable.txt.

# npm_fixture_step SECONDS LOG COMMAND...: runs COMMAND with its output in LOG and stops it (its
# whole process group) after SECONDS, so that a stalled registry or a hung tool makes the test skip
# with a reason instead of running into ctest's timeout. Returns COMMAND's status, 124 when it was
# stopped (the reason then is the last line of LOG).
npm_fixture_step() {
    local seconds="$1" log="$2"
    shift 2
    timeout --kill-after=15 "$seconds" "$@" > "$log" 2>&1
    local status=$?
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
        echo "\`$*\` did not finish within $seconds s and was stopped" >> "$log"
    fi
    return "$status"
}

# npm_fixture_install SOURCE_DIR DIR MARKER [NPM_OPTION...]: copies SOURCE_DIR (holding a
# package.json with pinned versions) to DIR/app and runs npm install there, unless DIR/app holds
# the same package.json and MARKER (a path inside DIR/app) already exists. Returns 1, the reason
# written, when npm is missing or the install fails or takes longer than
# NPM_FIXTURE_INSTALL_SECONDS (default 420).
npm_fixture_install() {
    local source_dir="$1" dir="$2" marker="$3"
    shift 3
    mkdir -p "$dir"
    rm -f "$dir/unavailable.txt"
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm not available" > "$dir/unavailable.txt"
        return 1
    fi
    local app="$dir/app"
    if [ -e "$app/$marker" ] && cmp -s "$source_dir/package.json" "$app/package.json"; then
        return 0
    fi
    rm -rf "$app" && mkdir -p "$app" && cp -r "$source_dir/." "$app/"
    if ! (cd "$app" && npm_fixture_step "${NPM_FIXTURE_INSTALL_SECONDS:-420}" "$dir/install.log" \
            npm install --no-audit --no-fund --no-package-lock --silent \
            --fetch-timeout=60000 --fetch-retries=2 "$@"); then
        { echo "npm install failed:"; tail -5 "$dir/install.log"; } > "$dir/unavailable.txt"
        rm -rf "$app" # never taken for a complete install next time
        return 1
    fi
}

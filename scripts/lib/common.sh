# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run, scripts/test and scripts/bench: install what is missing, configure, build.
# Sourced, not executed.

FANOUT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FANOUT_BUILD_DIR="${FANOUT_BUILD_DIR:-$FANOUT_ROOT/build}"

# Debian packages the build, the tests, the desktop app and the .deb (dpkg-shlibdeps, file, the
# desktop-file and AppStream validators) need.
FANOUT_APT_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    libtree-sitter-dev nlohmann-json3-dev libcli11-dev libyaml-cpp-dev libcereal-dev rapidjson-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    qt6-base-dev qt6-svg-dev libqcustomplot-dev
    xvfb xauth graphviz
    dpkg-dev file desktop-file-utils appstream
)

fanout_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

fanout_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "need root to run: $* (install sudo or run as root)" >&2
        return 1
    fi
}

fanout_missing_packages() {
    local package
    for package in "${FANOUT_APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            printf '%s\n' "$package"
        fi
    done
    # npm fetches the pinned grammar sources; the base image may ship Node without Debian's npm.
    if ! command -v npm >/dev/null 2>&1; then
        printf '%s\n' npm
    fi
}

fanout_ensure_deps() {
    local missing
    mapfile -t missing < <(fanout_missing_packages)
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    fanout_log "Installing Debian packages: ${missing[*]}"
    fanout_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    fanout_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# fanout_build [extra cmake arguments...]: configures once, then builds incrementally.
fanout_build() {
    if [ ! -f "$FANOUT_BUILD_DIR/CMakeCache.txt" ] || [ "$#" -gt 0 ]; then
        fanout_log "Configuring in $FANOUT_BUILD_DIR"
        cmake -S "$FANOUT_ROOT" -B "$FANOUT_BUILD_DIR" -G Ninja "$@"
    fi
    fanout_log "Building"
    cmake --build "$FANOUT_BUILD_DIR" --parallel "$(nproc)"
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/resolve/side_effects.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace fanout {

enum class ResolutionKind : unsigned char {
    File,       // a file on disk: `path` is its real path
    Builtin,    // a Node built-in: `path` is "builtin:fs"
    External,   // another scheme (cloudflare:, virtual:, data:, http:): not followed
    Ignored,    // mapped to false by a package.json browser field: an empty module
    Unresolved, // `reason` says why
};

std::string_view toString(ResolutionKind kind);

struct PackageIdentity {
    std::string name;
    std::string version;
    std::string root; // real path of the package folder (pnpm's .pnpm/<id>/node_modules/<name>)
    SideEffects sideEffects;
    bool operator==(const PackageIdentity&) const = default;
};

struct Resolution {
    ResolutionKind kind = ResolutionKind::Unresolved;
    std::string path;
    // The path string that led to the file before symlinks were followed. Equal to `path` when no
    // symlink was involved; a later stage lists every distinct one as an alias of the file.
    std::string requestedPath;
    std::string query; // "?raw", cut from the specifier before resolving and kept here
    // Resolved but never parsed: reached with an asset query, or not a script (.css, .svg, ...).
    bool asset = false;
    // The package the file is in: one identity per package folder, shared by every resolution
    // into it (a barrel's 10,000 imports no longer copy its name, root and sideEffects each).
    std::shared_ptr<const PackageIdentity> package;
    std::string reason;
    // Set on a failed lookup that would succeed on a case-insensitive file system.
    std::string caseVariantOf;
    // On a case-insensitive file system: `requestedPath` spells the file with other letter case
    // than it has on disk, so a path-keyed bundler makes a second module of it.
    bool caseVariant = false;
};

} // namespace fanout

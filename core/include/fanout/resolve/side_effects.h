// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// A package.json's "sideEffects", as bundlers read it (webpack, Rollup, esbuild, Vite): absent or
// true, every module may have side effects; false, none has; a list of globs, the modules that
// match one. A module without side effects may be dropped when nothing it exports is used.
struct SideEffects {
    enum class Kind : unsigned char { All, None, Listed };
    Kind kind = Kind::All;
    std::vector<std::string> patterns; // for Listed
    bool operator==(const SideEffects&) const = default;

    // `relativePath`: the module's path relative to the package folder, without "./".
    // A pattern without "/" matches the file name anywhere ("*.css"); others match from the
    // package folder, "*" and "**" crossing folders.
    bool mayHaveSideEffects(std::string_view relativePath) const;
};

struct PackageIdentity;

// Whether the module at `path` may have side effects: by its package's "sideEffects" (a path in
// node_modules without a known package always may), or, for the project's own files under
// `root`, by the project's.
bool mayHaveSideEffects(const std::string& path, const PackageIdentity* package,
                        const SideEffects& project, const std::string& root);

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resolve/resolver_cache_impl.h"

#include <string>
#include <utility>
#include <vector>

namespace fanout::detail {

// The part of a tsconfig.json (after following `extends`) that Fanout uses: module resolution
// (`baseUrl`, `paths`) and the JSX transform (`jsx`, `jsxImportSource`).
struct TsConfig {
    std::string file;      // the tsconfig that was loaded
    std::string baseUrl;   // absolute; empty when not set anywhere in the chain
    std::string pathsBase; // folder `paths` substitutions are relative to
    std::vector<std::pair<std::string, std::vector<std::string>>> paths;
    std::string jsx;             // "react-jsx", "preserve", ...; empty when not set
    std::string jsxImportSource; // empty when not set

    bool active() const { return !baseUrl.empty() || !paths.empty(); }
};

// Loads `file` and its `extends` chain (relative paths, package paths, arrays), JSONC syntax
// allowed. Problems (missing bases, cycles, malformed JSON) become diagnostics in the cache.
TsConfig loadTsConfig(const std::string& file, ResolverCache::Impl& cache);

struct PathsMatch {
    std::string key;                        // the `paths` key that matched
    std::vector<std::string> substitutions; // absolute candidate paths, in order
};

// TypeScript's pattern choice: an exact key beats every wildcard, then the longest prefix wins.
std::optional<PathsMatch> matchTsConfigPaths(const TsConfig& config, std::string_view specifier);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fanout {

// A Vite-style alias: `find` is an exact specifier (also matching "find/..."), a prefix ending in
// "/", or, with `regex`, an ECMAScript regular expression whose match is replaced (with $1...).
struct AliasRule {
    std::string find;
    std::string replacement;
    bool regex = false;
};

enum class LetterCase : unsigned char {
    Detect,      // ask the file system holding the importer (stat a case-swapped path)
    Sensitive,   // Linux
    Insensitive, // macOS and Windows defaults: "./button" opens Button.tsx
};

// How one environment resolves specifiers (what Vite/esbuild call resolve options).
struct ResolverConfig {
    std::vector<std::string> conditions;
    std::vector<std::string> mainFields{"module", "main"};
    std::vector<std::string> extensions{".mjs", ".js", ".mts", ".ts", ".jsx", ".tsx", ".json"};
    std::vector<std::pair<std::string, std::vector<std::string>>> extensionAlias{
        {".js", {".js", ".ts", ".tsx"}},
        {".jsx", {".jsx", ".tsx"}},
        {".mjs", {".mjs", ".mts"}},
        {".cjs", {".cjs", ".cts"}},
    };
    bool browserField = false;
    std::vector<AliasRule> alias;
    // tsconfig `paths`/`baseUrl` for project files (never for files in node_modules): with
    // `nearestTsconfig`, the tsconfig.json (or jsconfig.json) nearest to the importer, as
    // TypeScript and esbuild choose it, and `tsconfig` (absolute; empty for none) where there is
    // none; without, `tsconfig` for every project file.
    std::string tsconfig;
    bool nearestTsconfig = false;
    // Packages the bundler leaves to the runtime (Next.js's serverExternalPackages): a bare
    // specifier naming one, or a path inside one, is external.
    std::vector<std::string> externalPackages;
    // Vite's resolve.dedupe: these packages resolve from `dedupeFrom` (the project root) whoever
    // imports them, so one copy is used.
    std::vector<std::string> dedupe;
    std::string dedupeFrom;
    std::vector<std::string> assetQueries{"raw", "url", "inline", "worker", "sharedworker"};
    LetterCase letterCase = LetterCase::Detect;
};

} // namespace fanout

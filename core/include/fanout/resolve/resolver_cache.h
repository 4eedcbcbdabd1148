// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/diagnostic.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fanout {

struct ResolverCacheStats {
    std::uint64_t stats = 0;
    std::uint64_t realPaths = 0;
    std::uint64_t listings = 0;
    std::uint64_t manifestsParsed = 0; // package.json and tsconfig files read and parsed
};

// File-system facts for one scan, shared by every resolver and thread of that scan: stat results,
// real paths, directory listings and parsed package.json/tsconfig files. Each file is read and
// parsed once per cache however many threads ask for it at the same time.
class ResolverCache {
public:
    ResolverCache();
    ~ResolverCache();
    ResolverCache(const ResolverCache&) = delete;
    ResolverCache& operator=(const ResolverCache&) = delete;

    // Problems met along the way (malformed package.json, extends cycles, ...), once per file,
    // sorted by path.
    std::vector<Diagnostic> diagnostics() const;
    ResolverCacheStats stats() const;

    struct Impl;
    Impl& impl() const { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace fanout

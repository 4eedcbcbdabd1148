// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/import_record.h"
#include "fanout/resolve/resolution.h"
#include "fanout/resolve/resolver_cache.h"
#include "fanout/resolve/resolver_config.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// Turns (importer, specifier, import kind) into a file the way Vite, esbuild and enhanced-resolve
// do for one environment. Safe to use from many threads at once; all of them share the cache.
class Resolver {
public:
    Resolver(ResolverConfig config, std::shared_ptr<ResolverCache> cache);
    ~Resolver();
    Resolver(Resolver&&) noexcept;
    Resolver& operator=(Resolver&&) noexcept;

    // `importer` is the real, absolute path of the importing file. With `trace`, every step
    // tried is appended to it (like TypeScript's traceResolution).
    Resolution resolve(std::string_view importer, std::string_view specifier, ImportKind kind,
                       std::vector<std::string>* trace = nullptr) const;

    const ResolverConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fanout

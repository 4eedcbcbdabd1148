// SPDX-License-Identifier: GPL-3.0-or-later
// tsconfig.json as JSONC with `paths`, `baseUrl` and `extends`, then a specifier matched against
// its paths. Input: line 1 the specifier, the rest the tsconfig.json text. The file is written to
// a private folder (tsconfig loading reads files, as extends chains do).
#include "fanout/resolve/resolver_cache.h"
#include "fuzz_target.h"
#include "resolve/resolver_cache_impl.h"
#include "resolve/tsconfig.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

const std::string& folder() {
    static const std::string dir = [] {
        std::string pattern = "/tmp/fanout-fuzz-tsconfig-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        return pattern;
    }();
    return dir;
}

} // namespace

FANOUT_FUZZ_TARGET(tsconfig) {
    auto text = fanout::fuzz::bytes(data, size);
    const auto specifier = fanout::fuzz::takeLine(text);
    const auto file = folder() + "/tsconfig.json";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    fanout::ResolverCache cache;
    const auto config = fanout::detail::loadTsConfig(file, cache.impl());
    if (const auto match = fanout::detail::matchTsConfigPaths(config, specifier)) {
        for (const auto& candidate : match->substitutions) {
            if (candidate.empty() || candidate.front() != '/') {
                __builtin_trap(); // substitutions are absolute
            }
        }
    }
    return 0;
}

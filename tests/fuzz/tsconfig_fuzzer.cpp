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

// Made once per process and removed when it exits (the replay test runs this target in every
// test run: one folder left in /tmp per run before).
class PrivateFolder {
public:
    PrivateFolder() {
        if (::mkdtemp(m_path.data()) == nullptr) {
            std::abort();
        }
    }
    ~PrivateFolder() {
        std::remove((m_path + "/tsconfig.json").c_str());
        ::rmdir(m_path.c_str());
    }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path = "/tmp/fanout-fuzz-tsconfig-XXXXXX";
};

const std::string& folder() {
    static const PrivateFolder dir;
    return dir.path();
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

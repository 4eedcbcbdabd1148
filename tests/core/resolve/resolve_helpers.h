// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/resolve/resolver.h"
#include "fixture_project.h"

#include <filesystem>
#include <memory>
#include <string>

namespace fanout::testing {

// The resolver fixture project in tests/data/resolve/project, resolved with a fresh cache.
inline std::string fixtureRoot() {
    return fixtureProject(std::string(FANOUT_TEST_DATA) + "/resolve/project");
}

inline std::string fixturePath(const std::string& relative) {
    return fixtureRoot() + "/" + relative;
}

struct FixtureResolver {
    explicit FixtureResolver(ResolverConfig config = {})
        : cache(std::make_shared<ResolverCache>()), resolver(std::move(config), cache) {}

    Resolution operator()(const std::string& importer, const std::string& specifier,
                          ImportKind kind = ImportKind::Import) const {
        return resolver.resolve(fixturePath(importer), specifier, kind);
    }

    // The resolved path relative to the fixture root, or "<kind>: <reason>" when not a file.
    std::string where(const std::string& importer, const std::string& specifier,
                      ImportKind kind = ImportKind::Import) const {
        const auto result = (*this)(importer, specifier, kind);
        if (result.kind == ResolutionKind::File) {
            const auto& root = fixtureRoot();
            return result.path.compare(0, root.size() + 1, root + "/") == 0
                       ? result.path.substr(root.size() + 1)
                       : result.path;
        }
        if (result.kind == ResolutionKind::Builtin || result.kind == ResolutionKind::External) {
            return result.path;
        }
        return std::string(toString(result.kind)) + ": " + result.reason;
    }

    std::shared_ptr<ResolverCache> cache;
    Resolver resolver;
};

} // namespace fanout::testing

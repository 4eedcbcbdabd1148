// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/resolve/resolver.h"
#include "fanout/result/scan_result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fanout::detail {

// Finds a specifier that imports a module directly: a subpath the package's `exports` allows
// (exact keys and `*` patterns), a file path inside a package without `exports`, or a relative
// path for the project's own files. Every candidate is checked with the scan's own resolver from
// the importer, so a suggestion never names a path that `exports` forbids.
class DirectSpecifiers {
public:
    explicit DirectSpecifiers(const ScanResult& result);

    // The shortest specifier that leads from `importer` to `module`, if any.
    std::optional<std::string> find(ModuleId importer, ModuleId module);

private:
    std::vector<std::string> candidates(ModuleId importer, const ScanModule& module);
    const nlohmann::ordered_json* exportsOf(const std::string& packageRoot);

    const ScanResult& m_result;
    std::vector<Resolver> m_resolvers;                                      // by environment
    std::map<std::string, std::optional<nlohmann::ordered_json>> m_exports; // by package root
};

} // namespace fanout::detail

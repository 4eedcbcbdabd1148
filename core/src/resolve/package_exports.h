// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

enum class TargetStatus {
    Found,         // `target` holds the chosen target ("./dist/x.js", or a bare specifier)
    NotExported,   // no key or no condition matched
    Excluded,      // a null target
    Invalid,       // the matched target breaks the rules; `detail` says how
    InvalidConfig, // exports mixes "." keys and condition keys
};

struct TargetResult {
    TargetStatus status = TargetStatus::NotExported;
    std::string target;
    std::string matchedKey; // the exports/imports key that matched, for explanations
    std::string detail;
};

// Node's PACKAGE_EXPORTS_RESOLVE for `subpath` ("." or "./x"): string, array and condition-object
// targets, subpath maps, `*` patterns with Node's key ordering, null exclusions, and targets that
// must start with "./" and stay inside the package. `conditions` are the active ones in no
// particular order; "default" always matches; object key order decides between them.
TargetResult resolvePackageExports(const nlohmann::ordered_json& exports, std::string_view subpath,
                                   const std::vector<std::string>& conditions);

// Node's PACKAGE_IMPORTS_RESOLVE for "#x": the same matching, and targets may be bare specifiers.
TargetResult resolvePackageImports(const nlohmann::ordered_json& imports,
                                   std::string_view specifier,
                                   const std::vector<std::string>& conditions);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
// package.json "exports" and "imports" evaluation with arbitrary JSON and specifiers. Input:
// line 1 the subpath, line 2 the conditions (comma-separated), the rest the JSON value.
#include "fuzz_target.h"
#include "resolve/package_exports.h"

#include <string>
#include <vector>

FANOUT_FUZZ_TARGET(package_exports) {
    auto text = fanout::fuzz::bytes(data, size);
    const auto subpath = std::string(fanout::fuzz::takeLine(text));
    std::vector<std::string> conditions;
    auto list = fanout::fuzz::takeLine(text);
    while (!list.empty()) {
        const auto comma = list.find(',');
        conditions.emplace_back(list.substr(0, comma));
        list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
    }
    const auto json = nlohmann::ordered_json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return 0;
    }
    // The resolver asks with "." or "./x" for exports and "#x" for imports.
    const auto exported = fanout::detail::resolvePackageExports(
        json, subpath.empty() ? std::string(".") : "./" + subpath, conditions);
    const auto imported = fanout::detail::resolvePackageImports(json, "#" + subpath, conditions);
    for (const auto* result : {&exported, &imported}) {
        if (result->status == fanout::detail::TargetStatus::Found && result->target.empty()) {
            __builtin_trap(); // found means a target
        }
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/baseline.h"

#include "io/jsonc.h"

#include <algorithm>
#include <map>

namespace fanout {
namespace {

constexpr int kSchema = 1;

using Key = std::pair<std::string, std::string>;

} // namespace

std::vector<BaselineEntry> readBaseline(const std::string& path) {
    const auto file = detail::readJsonFile(path, false);
    if (!file.readError.empty()) {
        throw BaselineError(path + ": " + file.readError);
    }
    if (!file.parseError.empty()) {
        throw BaselineError(path + ": not JSON (" + file.parseError + ")");
    }
    const auto& json = file.json;
    if (!json.is_object() || !json.contains("violations") || json.value("schema", 0) != kSchema) {
        throw BaselineError(path + ": not a baseline of schema " + std::to_string(kSchema) +
                            " (write one with fanout check --write-baseline)");
    }
    std::vector<BaselineEntry> entries;
    try {
        for (const auto& entry : json.at("violations")) {
            entries.push_back({entry.at("budget").get<std::string>(),
                               entry.at("subject").get<std::string>(),
                               entry.value("message", std::string())});
        }
    } catch (const nlohmann::ordered_json::exception& error) {
        throw BaselineError(path + ": a violation is malformed (" + error.what() + ")");
    }
    return entries;
}

std::string baselineJson(const std::vector<BudgetViolation>& violations) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& violation : violations) {
        list.push_back({{"budget", violation.budget},
                        {"subject", violation.subject},
                        {"message", violation.message}});
    }
    const nlohmann::ordered_json json{{"schema", kSchema}, {"violations", std::move(list)}};
    return json.dump(2) + "\n";
}

BaselineSplit splitByBaseline(const std::vector<BudgetViolation>& violations,
                              const std::vector<BaselineEntry>& baseline) {
    std::map<Key, std::vector<const BaselineEntry*>> unmatched;
    for (const auto& entry : baseline) {
        unmatched[{entry.budget, entry.subject}].push_back(&entry);
    }
    BaselineSplit split;
    for (const auto& violation : violations) {
        auto& entries = unmatched[{violation.budget, violation.subject}];
        if (entries.empty()) {
            split.fresh.push_back(&violation);
        } else {
            entries.pop_back();
            split.known.push_back(&violation);
        }
    }
    for (const auto& entry : baseline) {
        const auto& left = unmatched[{entry.budget, entry.subject}];
        if (std::find(left.begin(), left.end(), &entry) != left.end()) {
            split.fixed.push_back(entry);
        }
    }
    return split;
}

} // namespace fanout

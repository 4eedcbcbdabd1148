// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/project/project_settings.h"

#include "fanout/io/atomic_file.h"
#include "fanout/io/file_reader.h"
#include "io/jsonc.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace fanout {

ProjectSettings settingsOf(const ScanConfig& config) {
    ProjectSettings settings;
    settings.preset = config.preset.empty() ? "auto" : config.preset;
    for (const auto& environment : config.environments) {
        settings.conditions.emplace_back(environment.name, environment.resolver.conditions);
    }
    settings.directiveRule = config.directiveRule;
    return settings;
}

bool fanoutJsonHasComments(const std::string& root) {
    const auto contents = readFile(root + "/fanout.json");
    return contents.ok() && detail::hasComments(contents.bytes);
}

std::string saveProjectSettings(const std::string& root, const ProjectSettings& settings,
                                const ScanConfig& effective) {
    const auto path = root + "/fanout.json";
    nlohmann::ordered_json file = nlohmann::ordered_json::object();
    if (std::filesystem::exists(path)) {
        auto read = detail::readJsonFile(path);
        if (!read.readError.empty()) {
            return path + ": " + read.readError;
        }
        if (!read.parseError.empty()) {
            return path + ": not valid JSON, left as it is: " + read.parseError;
        }
        file = std::move(read.json);
        if (!file.is_object()) {
            return path + ": not a JSON object, left as it is";
        }
    }
    file["preset"] = settings.preset;
    if (settings.entries) {
        file["entries"] = *settings.entries;
    }
    auto environments = nlohmann::ordered_json::array();
    for (const auto& environment : effective.environments) {
        auto conditions = environment.resolver.conditions;
        for (const auto& [name, edited] : settings.conditions) {
            if (name == environment.name) {
                conditions = edited;
            }
        }
        environments.push_back({{"name", environment.name},
                                {"conditions", conditions},
                                {"mainFields", environment.resolver.mainFields},
                                {"extensions", environment.resolver.extensions},
                                {"browserField", environment.resolver.browserField}});
    }
    file["environments"] = std::move(environments);
    file["directiveRule"] = std::string(toString(settings.directiveRule));
    return writeFileAtomically(path, file.dump(2) + "\n");
}

} // namespace fanout

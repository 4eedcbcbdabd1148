// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/static_config_file.h"

#include "base/path_utils.h"
#include "fanout/extract/static_config.h"
#include "fanout/io/file_reader.h"

#include <algorithm>

namespace fanout::detail {

namespace {
constexpr std::uint64_t kMaxConfigBytes = 1u << 20;
} // namespace

std::optional<StaticConfigFile> readStaticConfigFile(const std::string& root,
                                                     std::span<const char* const> names,
                                                     std::vector<Diagnostic>& findings) {
    for (const char* name : names) {
        auto file = joinPath(root, name);
        const auto contents = readFile(file, kMaxConfigBytes);
        if (!contents.ok()) {
            continue;
        }
        auto read = readStaticConfig(contents.bytes, grammarForPath(file).value_or(Grammar::Tsx));
        if (read.value.is_null()) {
            findings.push_back({file, "not read: " + read.problem});
            return std::nullopt;
        }
        return StaticConfigFile{std::move(file), std::move(read.value)};
    }
    return std::nullopt;
}

void notStatic(const std::string& file, const std::string& key, const nlohmann::ordered_json& value,
               std::vector<Diagnostic>& findings) {
    findings.push_back(
        {file, "\"" + key + "\" is not a literal (" +
                   (isNonLiteral(value) ? value["$nonLiteral"].get<std::string>() : value.dump()) +
                   "): Fanout does not run the config, so it is left out"});
}

std::vector<std::string> staticStrings(const nlohmann::ordered_json& value, const std::string& file,
                                       const std::string& key, std::vector<Diagnostic>& findings) {
    std::vector<std::string> out;
    if (!value.is_array() || !std::all_of(value.begin(), value.end(),
                                          [](const auto& item) { return item.is_string(); })) {
        notStatic(file, key, value, findings);
        return out;
    }
    for (const auto& item : value) {
        out.push_back(item.get<std::string>());
    }
    return out;
}

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/base/diagnostic.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fanout::detail {

// A bundler config file read without running it (fanout/extract/static_config.h).
struct StaticConfigFile {
    std::string file;
    nlohmann::ordered_json value; // the exported object
};

// The first of `names` in `root` that can be read, read statically; nullopt when there is none,
// or when it cannot be read statically (then a finding says why).
std::optional<StaticConfigFile> readStaticConfigFile(const std::string& root,
                                                     std::span<const char* const> names,
                                                     std::vector<Diagnostic>& findings);

// A finding: `key` of `file` is code, not a literal, so it was left out.
void notStatic(const std::string& file, const std::string& key, const nlohmann::ordered_json& value,
               std::vector<Diagnostic>& findings);

// A literal array of strings; anything else is a finding and gives an empty list.
std::vector<std::string> staticStrings(const nlohmann::ordered_json& value, const std::string& file,
                                       const std::string& key, std::vector<Diagnostic>& findings);

} // namespace fanout::detail

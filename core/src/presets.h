#pragma once

#include "fanout/scan_config.h"

#include <string>

namespace fanout::detail {

// The environments, switches and entries of a preset for the project at `root`. Entries that
// only count when they carry a directive (rwsdk's src/ files) go to `conditionalEntries`.
struct PresetConfig {
    ScanConfig config;
    std::vector<std::string> conditionalEntries;
    bool useTsconfig = true;
};

PresetConfig presetConfig(const std::string& name, const std::string& root);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/cache/scan_cache.h"
#include "fanout/project/project_config.h"
#include "fanout/result/scan_result.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace fanout::cli {

// The options every scanning command shares (scan, report, why).
struct ScanArguments {
    std::string root = ".";
    ScanOverrides overrides;
    std::string compat;
    unsigned threads = 0;
    std::string parser = "lexer";
    bool quiet = false;
    bool cache = false;
    std::string cacheDir; // empty: the default cache folder
    // The command scans again later (watch): the memory a scan frees goes back to the system.
    bool keepsRunning = false;
    // A scan the cache finds unchanged says nothing on stderr (watch's rescans: a folder above
    // the project that changes often, such as /tmp, would fill the terminal with them).
    bool silentWhenUnchanged = false;
};

// With `rootPositional` false the caller takes the positionals itself (fanout why).
void addScanArguments(CLI::App& command, ScanArguments& arguments, bool rootPositional = true);

// The scan options and cache settings the arguments ask for (runScan uses them).
ScanOptions scanOptions(const ScanArguments& arguments);
ScanCacheSettings cacheSettings(const ScanArguments& arguments);

// Loads the configuration and scans, with a live progress line on a terminal. Returns nullptr
// after printing why when the scan cannot start (the caller exits with 3).
// With `cacheReport`, what the cache did (when the arguments ask for it).
std::shared_ptr<const ScanResult> runScan(const std::string& commandName, ScanArguments& arguments,
                                          ScanCacheReport* cacheReport = nullptr);

inline constexpr int kCannotStart = 3;

} // namespace fanout::cli

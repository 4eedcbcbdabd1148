// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_arguments.h"
#include "fanout/base/size_format.h"

#include "cli_choice.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/scan/scanner.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace fanout::cli {

void addScanArguments(CLI::App& command, ScanArguments& arguments, bool rootPositional) {
    if (rootPositional) {
        command.add_option("ROOT", arguments.root, "Project folder (default: the current folder)")
            ->type_name("DIR");
    }
    command
        .add_option("--preset", arguments.overrides.preset,
                    "auto (default), rwsdk, next, vite, node")
        ->type_name("PRESET")
        ->check(CLI::IsMember({"auto", "rwsdk", "next", "vite", "node"}));
    command
        .add_option("--config", arguments.overrides.configFile,
                    "Configuration file (default: ROOT/fanout.json when present)")
        ->type_name("FILE");
    command
        .add_option("--entry", arguments.overrides.entries,
                    "Entry file, relative to ROOT (repeatable; replaces the preset's)")
        ->type_name("FILE")
        ->allow_extra_args(false); // one value per flag: `why --entry a.ts MODULE` keeps MODULE
    command
        .add_option("--workspace", arguments.overrides.workspaces,
                    "In a monorepo root: scan this workspace's app (name or folder; repeatable; "
                    "default: every workspace a preset detects as an app)")
        ->type_name("NAME")
        ->allow_extra_args(false);
    command
        .add_option("--condition,-C", arguments.overrides.conditions,
                    "Export condition added to every environment (repeatable)")
        ->type_name("NAME")
        ->allow_extra_args(false);
    const std::map<std::string, DirectiveRule> rules{{"spec", DirectiveRule::Spec},
                                                     {"rwsdk", DirectiveRule::Rwsdk}};
    fanout::cli::choiceOf(
        command
            .add_option("--directive-rule", arguments.overrides.directiveRule,
                        "spec (default: the ECMAScript prologue) or rwsdk (its text rule)")
            ->type_name("RULE"),
        rules);
    command
        .add_option("--compat", arguments.compat,
                    "rwsdk: reproduce rwsdk 1.7.3's directive map, quirks included")
        ->type_name("TOOL")
        ->check(CLI::IsMember({"rwsdk"}));
    command.add_option("--threads", arguments.threads, "Worker threads (default: one per core)")
        ->type_name("N")
        ->check(CLI::Range(1, 256).description(""));
    command
        .add_option("--parser", arguments.parser,
                    "lexer (default: the import lexer, tree-sitter for the files it hands off) or "
                    "tree-sitter (the reference, for every file); the result is the same")
        ->type_name("PARSER")
        ->check(CLI::IsMember({"lexer", "tree-sitter"}));
    command
        .add_option("--max-file-size", arguments.overrides.maxFileSizeMb,
                    "Files larger than this are not read, only reported (default: 16)")
        ->type_name("MB");
    command.add_flag("--optimize-barrels", arguments.overrides.optimizeBarrels,
                     "Walk only what the imported names need through every barrel without side "
                     "effects (the graph a tree-shaking, barrel-optimizing bundler walks)");
    command
        .add_option("--optimize-package", arguments.overrides.optimizePackages,
                    "Walk only what the imported names need through this package's barrels, "
                    "side effects or not, as Next.js's optimizePackageImports (repeatable)")
        ->type_name("NAME")
        ->allow_extra_args(false);
    command.add_flag("--cache", arguments.cache,
                     "Reuse the last scan of this project and configuration when nothing it read "
                     "changed (checked without reading files); otherwise scan and store it");
    command
        .add_option("--cache-dir", arguments.cacheDir,
                    "Where --cache keeps scans (implies --cache; default: "
                    "$XDG_CACHE_HOME/fanout/scans, else ~/.cache/fanout/scans)")
        ->type_name("DIR");
    command.add_flag("--quiet,-q", arguments.quiet, "No summary and no progress on stderr");
}

namespace {

void printCacheReport(const ScanCacheReport& report) {
    std::cerr << "cache: ";
    if (report.hit || report.updated) {
        std::cerr << (report.updated ? "updated: " : "") << report.note << " in "
                  << static_cast<long long>(report.checkMs + 0.5) << " ms";
    } else {
        std::cerr << "scanned (" << report.note << ")"
                  << (report.stored ? "; stored in " + report.file : std::string());
    }
    std::cerr << "\n";
}

} // namespace

ScanOptions scanOptions(const ScanArguments& arguments) {
    ScanOptions options;
    options.threads = arguments.threads;
    options.parser =
        arguments.parser == "tree-sitter" ? ParserChoice::TreeSitter : ParserChoice::Lexer;
    // A one-shot command ends soon: it keeps the scan state rather than spend time freeing it,
    // unless the process holds so much that the peak matters more (then the freed pages go back).
    options.returnFreedMemoryAbove = arguments.keepsRunning ? 0 : kOneShotReturnAbove;
    options.keepStateUntilExit = !arguments.keepsRunning;
    return options;
}

ScanCacheSettings cacheSettings(const ScanArguments& arguments) {
    ScanCacheSettings settings;
    settings.dir = arguments.cacheDir;
    return settings;
}

std::shared_ptr<const ScanResult> runScan(const std::string& commandName, ScanArguments& arguments,
                                          ScanCacheReport* report) {
    if (arguments.compat == "rwsdk") {
        arguments.overrides.compatRwsdk = true;
    }
    ScanConfig config;
    try {
        config = loadScanConfig(arguments.root, arguments.overrides);
    } catch (const ConfigError& error) {
        std::cerr << "fanout " << commandName << ": " << error.what() << "\n";
        return nullptr;
    }
    auto options = scanOptions(arguments);
    const bool live = !arguments.quiet && ::isatty(STDERR_FILENO) != 0;
    if (live) {
        options.progress = [](const ScanProgress& progress) {
            std::fprintf(stderr,
                         "\r\033[K%llu modules, %llu files parsed, %s read, %.1f s, %s resident",
                         static_cast<unsigned long long>(progress.modules),
                         static_cast<unsigned long long>(progress.filesParsed),
                         formatMegabytes(progress.bytesRead).c_str(), progress.elapsedMs / 1000.0,
                         formatMegabytes(progress.residentBytes).c_str());
        };
    }
    std::shared_ptr<const ScanResult> result;
    ScanCacheReport cacheReport;
    if (arguments.cache || !arguments.cacheDir.empty()) {
        result = cachedScan(config, options, cacheSettings(arguments), &cacheReport);
    } else {
        result = scan(config, options);
    }
    if (live) {
        std::cerr << "\r\033[K";
    }
    if ((arguments.cache || !arguments.cacheDir.empty()) && !arguments.quiet &&
        !(arguments.silentWhenUnchanged && cacheReport.hit)) {
        printCacheReport(cacheReport);
    }
    if (report != nullptr) {
        *report = std::move(cacheReport);
    }
    return result;
}

} // namespace fanout::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_command.h"
#include "fanout/base/size_format.h"

#include "cli_choice.h"
#include "output_target.h"

#include "scan_arguments.h"

#include "fanout/analysis/analysis.h"
#include "fanout/barrels/barrel_imports.h"
#include "fanout/base/display_path.h"
#include "fanout/base/keep_until_exit.h"
#include "fanout/cache/scan_cache.h"
#include "fanout/io/atomic_file.h"
#include "fanout/io/folder_watch.h"
#include "fanout/output/graph_export.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>

namespace fanout::cli {
namespace {

struct ScanCommandOptions {
    ScanArguments scan;
    std::string json;
    std::string directives;
    std::string dot;
    DotLevel dotLevel = DotLevel::Package;
    std::string csv;
    bool reproducible = false;
    bool watch = false;
    unsigned watchLimit = 0; // 0: until interrupted
};

std::size_t runtimeEdges(const ScanResult& result) {
    std::size_t edges = 0;
    for (const auto& edge : result.edges) {
        edges += edge.typeOnly ? 0 : 1;
    }
    return edges;
}

void printSummary(const ScanResult& result) {
    const auto edges = runtimeEdges(result);
    const auto& stats = result.stats;
    std::cerr << "fanout scan: " << result.modules.size() << " modules, " << edges << " edges, "
              << result.clientModules.size() << " \"use client\", " << result.serverModules.size()
              << " \"use server\", " << stats.unresolved << " unresolved; " << stats.filesRead
              << " files (" << formatMegabytes(stats.bytesRead) << ", " << stats.filesLexed
              << " by the import lexer) " << (stats.fromCache ? "from the cache" : "read") << " in "
              << static_cast<long>(stats.wallMs) << " ms, peak resident memory "
              << formatMegabytes(stats.peakResidentBytes) << (stats.cancelled ? " (cancelled)" : "")
              << "\n";
    for (const auto& diagnostic : result.diagnostics) {
        std::cerr << "warning: " << diagnostic.path << ": " << diagnostic.message << "\n";
    }
}

// The analysis on as many threads as the scan had.
AnalysisOptions analysisOptions(const ScanResult& result) {
    AnalysisOptions options;
    options.threads = result.stats.threads;
    return options;
}

// Writes every output asked for; false when one could not be written (each says why).
bool writeOutputs(const ScanCommandOptions& options,
                  const std::shared_ptr<const ScanResult>& result, const ModuleGraph& graph,
                  const Analysis& analysis) {
    bool written = true;
    // Only the JSON and the CSV files carry them.
    const auto barrels = options.json.empty() && options.csv.empty()
                             ? std::vector<BarrelImport>{}
                             : barrelImports(*result, graph, analysis);
    // Formatted on as many threads as the scan had.
    const JsonOptions jsonOptions{options.reproducible, &analysis, &barrels, result->stats.threads};
    if (options.json == "-") {
        writeScanJson(std::cout, *result, jsonOptions);
        std::cout.flush();
    } else if (!options.json.empty()) {
        // Atomic (no reader sees a part of it) but not flushed to the disk before returning: the
        // document is made again by running the scan again, and the flush of the 19.5 MB JSON
        // of the P2-size corpus took 22 ms.
        const auto error = writeFileAtomically(
            options.json,
            [&](std::ostream& out) {
                writeScanJson(out, *result, jsonOptions);
                return true;
            },
            Durability::Unsynced);
        if (!error.empty()) {
            std::cerr << "fanout scan: cannot write the scan JSON: " << error << "\n";
            written = false;
        }
    }
    if (!options.dot.empty()) {
        const auto error = writeFileAtomically( // as the JSON
            options.dot,
            [&](std::ostream& out) {
                writeDot(out, *result, analysis, options.dotLevel);
                return true;
            },
            Durability::Unsynced);
        if (!error.empty()) {
            std::cerr << "fanout scan: cannot write the DOT graph: " << error << "\n";
            written = false;
        }
    }
    if (!options.csv.empty()) {
        if (const auto error = writeCsv(options.csv, *result, analysis, barrels); !error.empty()) {
            std::cerr << "fanout scan: cannot write the CSV files: " << error << "\n";
            written = false;
        }
    }
    if (!options.directives.empty()) {
        written = writeOutput(options.directives, directivesToJson(*result), "fanout scan",
                              "directive map") &&
                  written;
    }
    return written;
}

// One line per rescan: when, what changed, and the figures with their change.
std::string watchLine(const std::vector<std::string>& changed, const ScanResult& before,
                      const ScanResult& after, std::pair<std::size_t, std::size_t> duplicates,
                      const ScanCacheReport& cache) {
    std::ostringstream line;
    const auto now = std::time(nullptr);
    char clock[16] = {};
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
    line << clock << " ";
    // The project's own paths first: a folder above it (where the resolver looked for
    // node_modules) changes for reasons of its own.
    std::vector<std::string> shown;
    for (const auto& path : changed) {
        if (path.starts_with(after.config.root + "/")) {
            shown.push_back(path);
        }
    }
    if (shown.empty()) {
        shown = changed;
    }
    if (shown.empty()) {
        line << "a change";
    } else {
        line << displayPath(shown.front(), after.config.root);
        if (shown.size() > 1) {
            line << " and " << shown.size() - 1 << " more";
        }
    }
    line << " changed:";
    const char* separator = " ";
    const auto figure = [&](std::size_t from, std::size_t to, const char* what) {
        line << std::exchange(separator, ", ") << to << " " << what << " ("
             << (to >= from ? "+" : "-") << (to >= from ? to - from : from - to) << ")";
    };
    figure(before.modules.size(), after.modules.size(), "modules");
    figure(runtimeEdges(before), runtimeEdges(after), "edges");
    figure(before.clientModules.size(), after.clientModules.size(), "\"use client\"");
    figure(before.serverModules.size(), after.serverModules.size(), "\"use server\"");
    figure(duplicates.first, duplicates.second, "files reached by several paths");
    line << "; peak " << formatMegabytes(after.stats.peakResidentBytes) << "; "
         << (cache.hit       ? "unchanged"
             : cache.updated ? "updated from the cache"
                             : "scanned")
         << " in "
         << static_cast<long>(cache.hit || cache.updated ? cache.checkMs : after.stats.wallMs)
         << " ms";
    return line.str();
}

// Rescans whenever a folder the result depends on changes (inotify; every 2 s when watches ran
// out), through the cache, printing one line each, until interrupted (or --watch-limit).
int watchProject(ScanCommandOptions& options, std::shared_ptr<const ScanResult> result,
                 ScanCacheReport report, std::size_t duplicates) {
    FolderWatch watcher;
    bool polling = false;
    options.scan.silentWhenUnchanged = true; // a rescan that finds nothing changed: no line at all
    for (unsigned rescans = 0; options.watchLimit == 0 || rescans < options.watchLimit;) {
        std::vector<std::string> changed;
        if (!polling) {
            const auto folders = foldersToWatch(report.folders, result->config.root);
            const auto failed = watcher.watch(folders);
            if (failed > 0) {
                polling = true;
                std::cerr << "fanout scan: " << failed << " of " << folders.size()
                          << " folders cannot be watched (inotify watches ran out?): checking "
                             "for changes every 2 s instead\n";
            }
        }
        if (polling) {
            std::this_thread::sleep_for(std::chrono::seconds(2));
            // The cache's record of what the result depends on, checked without loading it.
            const auto change = scanCacheChange(result->config, scanOptions(options.scan),
                                                cacheSettings(options.scan));
            if (change && change->empty()) {
                continue;
            }
            if (change) {
                changed = {*change};
            }
        } else if (changed = watcher.wait(std::chrono::hours(1), std::chrono::milliseconds(150));
                   changed.empty()) {
            continue;
        }
        ScanCacheReport next;
        auto rescanned = runScan("scan", options.scan, &next);
        if (!rescanned || next.hit) {
            // Could not start (said why), or nothing the result depends on changed (a folder
            // above the project that the resolver looked into, or a file touched): no line.
            continue;
        }
        ++rescans;
        const ModuleGraph graph(*rescanned);
        const auto analysis = analyze(*rescanned, graph, analysisOptions(*rescanned));
        writeOutputs(options, rescanned, graph, analysis);
        const auto nowDuplicates = analysis.duplicatePaths.size();
        std::cout << watchLine(changed, *result, *rescanned, {duplicates, nowDuplicates}, next)
                  << std::endl;
        duplicates = nowDuplicates;
        result = std::move(rescanned);
        report = std::move(next);
    }
    return 0;
}

int runScanCommand(ScanCommandOptions& options) {
    if (options.watch) {
        if (options.json == "-" || options.directives == "-") {
            std::cerr << "fanout scan: --watch prints a line per rescan on standard output: "
                         "write the outputs to files\n";
            return kCannotStart;
        }
        options.scan.cache = true;
        options.scan.keepsRunning = true;
    }
    ScanCacheReport report;
    const auto result = runScan("scan", options.scan, &report);
    if (!result) {
        return kCannotStart;
    }
    auto graph = std::make_unique<const ModuleGraph>(*result);
    auto analysis =
        std::make_unique<const Analysis>(analyze(*result, *graph, analysisOptions(*result)));
    const bool written = writeOutputs(options, result, *graph, *analysis);
    if (!options.scan.quiet) {
        printSummary(*result);
    }
    if (options.watch) {
        return watchProject(options, result, std::move(report), analysis->duplicatePaths.size());
    }
    // The command ends here: the process gives the memory back faster than freeing it would.
    keepUntilExit(std::move(analysis));
    keepUntilExit(std::move(graph));
    keepUntilExit(result);
    return written ? 0 : 1;
}

} // namespace

std::function<int()> addScanCommand(CLI::App& app) {
    auto options = std::make_shared<ScanCommandOptions>();
    auto* command = app.add_subcommand(
        "scan", "Walk the import graph from the entries and report modules, edges and directives");
    addScanArguments(*command, options->scan);
    command->add_flag("--watch", options->watch,
                      "After the scan, scan again (through the cache) whenever a file or folder "
                      "it depends on changes, printing one line per rescan, until interrupted");
    command
        ->add_option("--watch-limit", options->watchLimit,
                     "With --watch: stop after N rescans (for scripts and tests)")
        ->type_name("N");
    command->add_option("--json", options->json, "Write the scan document to FILE (- for stdout)")
        ->type_name("FILE");
    command
        ->add_option("--directives", options->directives,
                     "Write the directive map to FILE (- for stdout)")
        ->type_name("FILE");
    command->add_option("--dot", options->dot, "Write a Graphviz graph to FILE")->type_name("FILE");
    const std::map<std::string, DotLevel> levels{{"package", DotLevel::Package},
                                                 {"module", DotLevel::Module}};
    fanout::cli::choiceOf(
        command->add_option("--dot-level", options->dotLevel, "package (default) or module")
            ->type_name("LEVEL"),
        levels);
    command
        ->add_option("--csv", options->csv, "Write modules.csv, edges.csv and packages.csv to DIR")
        ->type_name("DIR");
    command->add_flag("--reproducible", options->reproducible,
                      "Leave timings, memory and thread count out of the JSON");
    return [options, command]() { return command->parsed() ? runScanCommand(*options) : -1; };
}

} // namespace fanout::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_command.h"
#include "fanout/base/size_format.h"

#include "cli_choice.h"
#include "output_target.h"

#include "scan_arguments.h"

#include "fanout/analysis/analysis.h"
#include "fanout/barrels/barrel_imports.h"
#include "fanout/io/atomic_file.h"
#include "fanout/output/graph_export.h"
#include "fanout/output/scan_json.h"
#include "fanout/project/project_config.h"
#include "fanout/scan/scanner.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
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
};

void printSummary(const ScanResult& result) {
    std::size_t edges = 0;
    for (const auto& edge : result.edges) {
        edges += edge.typeOnly ? 0 : 1;
    }
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

int runScanCommand(ScanCommandOptions& options) {
    const auto result = runScan("scan", options.scan);
    if (!result) {
        return kCannotStart;
    }
    bool written = true;
    const ModuleGraph graph(*result);
    const auto analysis = analyze(*result, graph);
    // Only the JSON and the CSV files carry them.
    const auto barrels = options.json.empty() && options.csv.empty()
                             ? std::vector<BarrelImport>{}
                             : barrelImports(*result, graph, analysis);
    const JsonOptions jsonOptions{options.reproducible, &analysis, &barrels};
    if (options.json == "-") {
        writeScanJson(std::cout, *result, jsonOptions);
        std::cout.flush();
    } else if (!options.json.empty()) {
        const auto error = writeFileAtomically(options.json, [&](std::ostream& out) {
            writeScanJson(out, *result, jsonOptions);
            return true;
        });
        if (!error.empty()) {
            std::cerr << "fanout scan: cannot write the scan JSON: " << error << "\n";
            written = false;
        }
    }
    if (!options.dot.empty()) {
        const auto error = writeFileAtomically(options.dot, [&](std::ostream& out) {
            writeDot(out, *result, analysis, options.dotLevel);
            return true;
        });
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
    if (!options.scan.quiet) {
        printSummary(*result);
    }
    return written ? 0 : 1;
}

} // namespace

std::function<int()> addScanCommand(CLI::App& app) {
    auto options = std::make_shared<ScanCommandOptions>();
    auto* command = app.add_subcommand(
        "scan", "Walk the import graph from the entries and report modules, edges and directives");
    addScanArguments(*command, options->scan);
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "heap_command.h"

#include "output_target.h"
#include "scan_arguments.h"

#include "fanout/attribution/heap_attribution.h"
#include "fanout/heap/heap_compare.h"
#include "fanout/heap/heap_report.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace fanout::cli {
namespace {

struct HeapOptions {
    std::string snapshot;
    std::string older;   // --compare
    std::string project; // --project: scanned, its modules matched to the heap's strings
    std::string json;
    std::size_t top = 20;
};

constexpr int kCannotRead = 2;

int runHeap(const HeapOptions& options) {
    HeapReport report;
    std::optional<HeapComparison> comparison;
    std::optional<HeapAttribution> attribution;
    std::shared_ptr<const ScanResult> scanned; // the project's, with --project
    try {
        const auto snapshot = readHeapSnapshot(options.snapshot);
        const auto dominators = computeDominators(snapshot);
        report = buildHeapReport(snapshot, dominators, options.top);
        if (!options.older.empty()) {
            const auto older = readHeapSnapshot(options.older);
            comparison =
                compareHeapSnapshots(older, computeDominators(older), snapshot, dominators);
        }
        if (!options.project.empty()) {
            ScanArguments scan;
            scan.root = options.project;
            scan.quiet = true;
            const auto result = runScan("heap", scan);
            if (!result) {
                return kCannotStart;
            }
            attribution = attributeHeap(snapshot, dominators, *result);
            const ModuleGraph graph(*result);
            attribution->barrels = heldByBarrel(*attribution, graph, analyze(*result, graph));
            scanned = result;
        }
    } catch (const HeapSnapshotError& error) {
        std::cerr << "fanout heap: " << error.what() << "\n";
        return kCannotRead;
    }
    if (!options.json.empty()) {
        auto json = heapReportJson(report);
        if (comparison) {
            json["comparison"] = heapComparisonJson(*comparison);
        }
        if (attribution) {
            json["project"] = heapAttributionJson(*attribution, *scanned);
        }
        if (!writeOutput(options.json, json.dump(2) + "\n", "fanout heap", "JSON report")) {
            return kCannotRead;
        }
    }
    if (options.json != "-") {
        writeHeapReportText(std::cout, report);
        if (attribution) {
            writeHeapAttributionText(std::cout, *attribution, *scanned, options.top);
        }
        if (comparison) {
            writeHeapComparisonText(std::cout, *comparison, options.top);
        }
    }
    return 0;
}

} // namespace

std::function<int()> addHeapCommand(CLI::App& app) {
    auto options = std::make_shared<HeapOptions>();
    auto* command = app.add_subcommand(
        "heap", "Read a V8 heap snapshot (.heapsnapshot): what holds the memory, by constructor "
                "and by object, with retained sizes and paths from the root");
    command->add_option("SNAPSHOT", options->snapshot, "The heap snapshot")
        ->required()
        ->type_name("FILE");
    command
        ->add_option("--project", options->project,
                     "Scan DIR and say which of its modules' sources and paths the heap holds, "
                     "by package")
        ->type_name("DIR");
    command
        ->add_option("--compare", options->older,
                     "An older snapshot of the same process: what each constructor gained and "
                     "lost since")
        ->type_name("OLDER");
    command
        ->add_option("--json", options->json,
                     "Write the report as JSON to FILE (- for stdout, instead of the text)")
        ->type_name("FILE");
    command
        ->add_option("--top", options->top,
                     "Rows in each section: classes, largest objects, duplicated strings "
                     "(default 20)")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
    return [options, command]() { return command->parsed() ? runHeap(*options) : -1; };
}

} // namespace fanout::cli

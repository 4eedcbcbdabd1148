// SPDX-License-Identifier: GPL-3.0-or-later
#include "report_command.h"

#include "scan_arguments.h"

#include "fanout/analysis/analysis.h"
#include "fanout/output/report_text.h"
#include "fanout/output/scan_json.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace fanout::cli {
namespace {

int runReport(ScanArguments& arguments) {
    const auto result = runScan("report", arguments);
    if (!result) {
        return kCannotStart;
    }
    const ModuleGraph graph(*result);
    std::cout << formatReport(*result, graph, analyze(*result, graph));
    return 0;
}

struct WhyOptions {
    ScanArguments scan;
    std::vector<std::string> positionals; // [ROOT] MODULE
    std::string module;
};

// The modules MODULE names: a file (relative to the root, or absolute; any path string that
// reached it), or else every module of the package of that name that the graph enters.
std::vector<ModuleId> matchModules(const ScanResult& result, const ModuleGraph& graph,
                                   const std::string& query) {
    std::vector<std::string> spellings{query};
    std::error_code error;
    const auto absolute = std::filesystem::path(result.config.root) / query;
    spellings.push_back(absolute.lexically_normal().string());
    if (const auto real = std::filesystem::canonical(absolute, error); !error) {
        spellings.push_back(real.string());
    }
    std::vector<ModuleId> out;
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto& module = result.modules[i];
        for (const auto& spelling : spellings) {
            if (module.path == spelling || std::find(module.aliases.begin(), module.aliases.end(),
                                                     spelling) != module.aliases.end()) {
                out.push_back(ModuleId{i});
                break;
            }
        }
    }
    if (!out.empty()) {
        return out;
    }
    for (std::uint32_t i = 0; i < result.modules.size(); ++i) {
        const auto* package = result.packageOf(result.modules[i]);
        if (package == nullptr || package->name != query) {
            continue;
        }
        const auto importers = graph.importers(i);
        const bool entered = std::any_of(importers.begin(), importers.end(), [&](auto importer) {
            return result.modules[importer].package != result.modules[i].package;
        });
        if (entered) {
            out.push_back(ModuleId{i});
        }
    }
    return out;
}

int runWhy(WhyOptions& options) {
    options.module = options.positionals.back();
    if (options.positionals.size() == 2) {
        options.scan.root = options.positionals.front();
    }
    const auto result = runScan("why", options.scan);
    if (!result) {
        return kCannotStart;
    }
    const ModuleGraph graph(*result);
    const auto matches = matchModules(*result, graph, options.module);
    if (matches.empty()) {
        std::cerr << "fanout why: no module matches \"" << options.module
                  << "\" (give a file path relative to the root, or a package name)\n";
        return 1;
    }
    bool reached = false;
    for (const auto id : matches) {
        const auto chain = whyReached(graph, id);
        const auto& module = result->module(id);
        std::cout << displayPath(module.path, result->config.root) << " ["
                  << result->config.environments[module.environment].name << "]\n";
        if (chain.empty()) {
            std::cout << "  not reachable from an entry\n";
            continue;
        }
        reached = true;
        std::cout << formatChain(*result, chain);
    }
    return reached ? 0 : 1;
}

} // namespace

std::function<int()> addReportCommand(CLI::App& app) {
    auto options = std::make_shared<ScanArguments>();
    auto* command = app.add_subcommand(
        "report",
        "Scan and summarise: hotspots, barrels, duplicates, packages, cycles, unresolved");
    addScanArguments(*command, *options);
    return [options, command]() { return command->parsed() ? runReport(*options) : -1; };
}

std::function<int()> addWhyCommand(CLI::App& app) {
    auto options = std::make_shared<WhyOptions>();
    auto* command =
        app.add_subcommand("why", "Scan and show the shortest import chain that reaches MODULE");
    addScanArguments(*command, options->scan, false);
    command
        ->add_option("[ROOT] MODULE", options->positionals,
                     "Project folder (default: the current folder), then a file (relative to "
                     "ROOT) or a package name")
        ->type_name("")
        ->required()
        ->expected(1, 2);
    return [options, command]() { return command->parsed() ? runWhy(*options) : -1; };
}

} // namespace fanout::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "check_command.h"

#include "cli_choice.h"
#include "output_target.h"
#include "scan_arguments.h"

#include "fanout/analysis/analysis.h"
#include "fanout/analysis/budgets.h"
#include "fanout/barrels/named_reach.h"
#include "fanout/compare/baseline.h"
#include "fanout/output/report_text.h"

#include <iostream>
#include <memory>

namespace fanout::cli {
namespace {

struct CheckOptions {
    ScanArguments scan;
    std::optional<std::uint64_t> maxModules;
    std::optional<std::uint64_t> maxReach;
    std::optional<ReachMeasure> reach;
    std::vector<std::string> maxPackageModules; // NAME=N
    std::vector<std::string> forbidImport;
    std::optional<std::uint64_t> maxDuplicatePaths;
    std::optional<std::uint64_t> maxRssMb;
    std::string baseline;
    std::string writeBaseline;
};

constexpr int kUsageError = 2;

// fanout.json's budgets, with each flag given on the command line taking precedence.
bool mergeBudgets(const CheckOptions& options, Budgets& budgets) {
    auto take = [](const auto& flag, auto& into) {
        if (flag) {
            into = flag;
        }
    };
    take(options.maxModules, budgets.maxModules);
    take(options.maxReach, budgets.maxReach);
    if (options.reach) {
        budgets.reach = *options.reach;
    }
    take(options.maxDuplicatePaths, budgets.maxDuplicatePaths);
    take(options.maxRssMb, budgets.maxRssMb);
    for (const auto& pattern : options.forbidImport) {
        budgets.forbidImport.push_back(pattern);
    }
    for (const auto& entry : options.maxPackageModules) {
        const auto equals = entry.rfind('=');
        try {
            if (equals == std::string::npos || equals == 0) {
                throw std::invalid_argument(entry);
            }
            budgets.maxPackageModules[entry.substr(0, equals)] =
                std::stoull(entry.substr(equals + 1));
        } catch (const std::exception&) {
            std::cerr << "fanout check: --max-package-modules takes NAME=N, not \"" << entry
                      << "\"\n";
            return false;
        }
    }
    return true;
}

int runCheck(CheckOptions& options) {
    const auto result = runScan("check", options.scan);
    if (!result) {
        return kCannotStart;
    }
    Budgets budgets = result->config.budgets;
    if (!mergeBudgets(options, budgets)) {
        return kUsageError;
    }
    if (budgets.empty()) {
        std::cerr << "fanout check: no budgets: pass --max-modules, --max-reach, ... or add a "
                     "\"budgets\" block to fanout.json\n";
        return kUsageError;
    }
    const ModuleGraph graph(*result);
    const auto analysis = analyze(*result, graph);
    NamedReachWalker walker(*result);
    ImportReach needed;
    if (budgets.reach == ReachMeasure::Needed) {
        needed = [&walker](std::size_t edge) {
            const auto reach = walker.ofEdge(edge);
            return Reach{reach.needed.size(), reach.bytes};
        };
    }
    const auto violations = checkBudgets(*result, graph, analysis, budgets, needed);
    // A known violation is one line; a new one comes with the chain that causes it.
    const auto print = [&](const BudgetViolation& violation, bool known) {
        std::cout << (known ? "known, in the baseline" : "over budget") << " (" << violation.budget
                  << "): " << violation.message << "\n";
        if (!known && !violation.chain.empty()) {
            std::cout << formatChain(*result, violation.chain);
        }
    };
    if (!options.writeBaseline.empty()) {
        for (const auto& violation : violations) {
            print(violation, false);
        }
        if (!writeOutput(options.writeBaseline, baselineJson(violations), "fanout check",
                         "baseline")) {
            return kCannotStart;
        }
        std::cerr << "fanout check: " << violations.size() << " violation(s) written to "
                  << options.writeBaseline << " as the baseline\n";
        return 0;
    }
    std::vector<BaselineEntry> baseline;
    if (!options.baseline.empty()) {
        try {
            baseline = readBaseline(options.baseline);
        } catch (const BaselineError& error) {
            std::cerr << "fanout check: " << error.what() << "\n";
            return kUsageError;
        }
    }
    const auto split = splitByBaseline(violations, baseline);
    for (const auto* violation : split.known) {
        print(*violation, true);
    }
    for (const auto* violation : split.fresh) {
        print(*violation, false);
    }
    for (const auto& entry : split.fixed) {
        std::cout << "fixed, still in the baseline (" << entry.budget << "): " << entry.message
                  << "\n";
    }
    if (split.fresh.empty()) {
        std::cout << "fanout check: every budget holds (" << result->modules.size() << " modules)";
        if (!split.known.empty()) {
            std::cout << " but for " << split.known.size() << " known violation(s)";
        }
        std::cout << "\n";
        return 0;
    }
    std::cout << "fanout check: " << split.fresh.size() << " violation(s)";
    if (!split.known.empty()) {
        std::cout << " and " << split.known.size() << " known";
    }
    std::cout << "\n";
    return 1;
}

} // namespace

std::function<int()> addCheckCommand(CLI::App& app) {
    auto options = std::make_shared<CheckOptions>();
    auto* command = app.add_subcommand(
        "check", "Scan and fail (exit 1) when a budget is exceeded: the CI gate for fan-out");
    addScanArguments(*command, options->scan);
    command->add_option("--max-modules", options->maxModules, "Most modules in the graph")
        ->type_name("N");
    command
        ->add_option("--max-reach", options->maxReach,
                     "Most modules any single first-party import may drag in")
        ->type_name("N");
    choiceOf(command->add_option("--reach", options->reach,
                                 "What --max-reach counts: walked (every module an import drags "
                                 "in, the default) or needed (what its imported names need, as "
                                 "an optimizing bundler keeps)"),
             std::map<std::string, ReachMeasure>{{"walked", ReachMeasure::Walked},
                                                 {"needed", ReachMeasure::Needed}})
        ->type_name("walked|needed");
    command
        ->add_option("--max-package-modules", options->maxPackageModules,
                     "Most modules of package NAME (repeatable)")
        ->type_name("NAME=N")
        ->allow_extra_args(false);
    command
        ->add_option("--forbid-import", options->forbidImport,
                     "Glob that first-party imports may not match, by specifier or resolved "
                     "path (repeatable; e.g. lucide-react)")
        ->type_name("GLOB")
        ->allow_extra_args(false);
    command
        ->add_option("--max-duplicate-paths", options->maxDuplicatePaths,
                     "Most files reached under more than one path string")
        ->type_name("N");
    command->add_option("--max-rss", options->maxRssMb, "Most resident memory of the scan, MB")
        ->type_name("MB");
    auto* baseline =
        command
            ->add_option("--baseline", options->baseline,
                         "Known violations (written by --write-baseline): only violations not "
                         "in FILE fail the check")
            ->type_name("FILE");
    command
        ->add_option("--write-baseline", options->writeBaseline,
                     "Write today's violations to FILE as the baseline and exit 0")
        ->type_name("FILE")
        ->excludes(baseline);
    return [options, command]() { return command->parsed() ? runCheck(*options) : -1; };
}

} // namespace fanout::cli

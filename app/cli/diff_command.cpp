// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff_command.h"

#include "output_target.h"

#include "fanout/compare/diff_report.h"
#include "fanout/compare/scan_diff.h"

#include <iostream>
#include <memory>
#include <sstream>
#include <string>

namespace fanout::cli {
namespace {

struct DiffOptions {
    std::string before;
    std::string after;
    std::string json;
    std::string markdown;
    std::size_t limit = 10;
    bool failOnGrowth = false;
    double tolerance = 0;
};

constexpr int kGrew = 1;
constexpr int kCannotCompare = 2;

int runDiff(const DiffOptions& options) {
    ScanDiff diff;
    try {
        diff = compareScans(readScanDocument(options.before), readScanDocument(options.after));
    } catch (const ScanDocumentError& error) {
        std::cerr << "fanout diff: " << error.what() << "\n";
        return kCannotCompare;
    }
    bool written = true;
    if (!options.json.empty()) {
        std::ostringstream text;
        writeDiffJson(text, diff);
        written = writeOutput(options.json, text.str(), "fanout diff", "JSON report") && written;
    }
    if (!options.markdown.empty()) {
        std::ostringstream text;
        writeDiffReport(text, diff, DiffFormat::Markdown, options.limit);
        written =
            writeOutput(options.markdown, text.str(), "fanout diff", "Markdown report") && written;
    }
    if (options.json != "-" && options.markdown != "-") {
        writeDiffReport(std::cout, diff, DiffFormat::Text, options.limit);
    }
    if (!written) {
        return kCannotCompare;
    }
    if (options.failOnGrowth) {
        const auto reasons = growthBeyond(diff, options.tolerance);
        for (const auto& reason : reasons) {
            std::cerr << "fanout diff: grew beyond " << options.tolerance << " %: " << reason
                      << "\n";
        }
        return reasons.empty() ? 0 : kGrew;
    }
    return 0;
}

} // namespace

std::function<int()> addDiffCommand(CLI::App& app) {
    auto options = std::make_shared<DiffOptions>();
    auto* command = app.add_subcommand(
        "diff", "Compare two scan documents (fanout scan --json): modules, packages, reach, "
                "directives and duplicates that changed");
    command->add_option("BEFORE", options->before, "The earlier scan document")
        ->required()
        ->type_name("FILE");
    command->add_option("AFTER", options->after, "The later scan document")
        ->required()
        ->type_name("FILE");
    command
        ->add_option("--json", options->json,
                     "Write every change as JSON to FILE (- for stdout, instead of the text)")
        ->type_name("FILE");
    command
        ->add_option("--markdown", options->markdown,
                     "Write the report as Markdown to FILE, for a pull-request comment (- for "
                     "stdout, instead of the text)")
        ->type_name("FILE");
    command
        ->add_option("--limit", options->limit,
                     "Entries listed per section of the text and Markdown reports (default 10; "
                     "the JSON lists all)")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
    command->add_flag("--fail-on-growth", options->failOnGrowth,
                      "Exit with 1 when the module count, or the reach of a hotspot in both "
                      "scans, grew by more than --tolerance");
    command
        ->add_option("--tolerance", options->tolerance,
                     "Growth allowed by --fail-on-growth, in percent (default 0: none)")
        ->type_name("PERCENT")
        ->check(CLI::Range(0.0, 1000000.0));
    return [options, command]() { return command->parsed() ? runDiff(*options) : -1; };
}

} // namespace fanout::cli

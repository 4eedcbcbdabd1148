#include "scan_command.h"

#include "fanout/atomic_file.h"
#include "fanout/project_config.h"
#include "fanout/scan_json.h"
#include "fanout/scanner.h"

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

constexpr int kCannotStart = 3;

struct ScanCommandOptions {
    std::string root = ".";
    ScanOverrides overrides;
    std::string compat;
    unsigned threads = 0;
    std::string json;
    std::string directives;
    bool quiet = false;
    bool reproducible = false;
};

std::string megabytes(std::uint64_t bytes) {
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

// "-" is standard output; anything else is written atomically.
bool writeOutput(const std::string& target, const std::string& contents, const char* what) {
    if (target == "-") {
        std::cout << contents << std::flush;
        return true;
    }
    if (const auto error = writeFileAtomically(target, contents); !error.empty()) {
        std::cerr << "fanout scan: cannot write the " << what << ": " << error << "\n";
        return false;
    }
    return true;
}

void printSummary(const ScanResult& result) {
    std::size_t edges = 0;
    for (const auto& edge : result.edges) {
        edges += edge.typeOnly ? 0 : 1;
    }
    const auto& stats = result.stats;
    std::cerr << "fanout scan: " << result.modules.size() << " modules, " << edges << " edges, "
              << result.clientModules.size() << " \"use client\", " << result.serverModules.size()
              << " \"use server\", " << stats.unresolved << " unresolved; " << stats.filesRead
              << " files read (" << megabytes(stats.bytesRead) << ") in "
              << static_cast<long>(stats.wallMs) << " ms, peak resident memory "
              << megabytes(stats.peakResidentBytes) << (stats.cancelled ? " (cancelled)" : "")
              << "\n";
    for (const auto& diagnostic : result.diagnostics) {
        std::cerr << "warning: " << diagnostic.path << ": " << diagnostic.message << "\n";
    }
}

int runScan(ScanCommandOptions& options) {
    if (options.compat == "rwsdk") {
        options.overrides.compatRwsdk = true;
    }
    ScanConfig config;
    try {
        config = loadScanConfig(options.root, options.overrides);
    } catch (const ConfigError& error) {
        std::cerr << "fanout scan: " << error.what() << "\n";
        return kCannotStart;
    }
    ScanOptions scanOptions;
    scanOptions.threads = options.threads;
    const bool live = !options.quiet && ::isatty(STDERR_FILENO) != 0;
    if (live) {
        scanOptions.progress = [](const ScanProgress& progress) {
            std::fprintf(stderr,
                         "\r\033[K%llu modules, %llu files parsed, %s read, %.1f s, %s resident",
                         static_cast<unsigned long long>(progress.modules),
                         static_cast<unsigned long long>(progress.filesParsed),
                         megabytes(progress.bytesRead).c_str(), progress.elapsedMs / 1000.0,
                         megabytes(progress.residentBytes).c_str());
        };
    }
    const auto result = scan(config, scanOptions);
    if (live) {
        std::cerr << "\r\033[K";
    }
    bool written = true;
    if (!options.json.empty()) {
        written =
            writeOutput(options.json, scanToJson(*result, {options.reproducible}), "scan JSON") &&
            written;
    }
    if (!options.directives.empty()) {
        written =
            writeOutput(options.directives, directivesToJson(*result), "directive map") && written;
    }
    if (!options.quiet) {
        printSummary(*result);
    }
    return written ? 0 : 1;
}

} // namespace

std::function<int()> addScanCommand(CLI::App& app) {
    auto options = std::make_shared<ScanCommandOptions>();
    auto* command = app.add_subcommand(
        "scan", "Walk the import graph from the entries and report modules, edges and directives");
    command->add_option("ROOT", options->root, "Project folder (default: the current folder)");
    command->add_option("--preset", options->overrides.preset, "auto (default), rwsdk, vite, node")
        ->check(CLI::IsMember({"auto", "rwsdk", "vite", "node"}));
    command->add_option("--config", options->overrides.configFile,
                        "Configuration file (default: ROOT/fanout.json when present)");
    command->add_option("--entry", options->overrides.entries,
                        "Entry file, relative to ROOT (repeatable; replaces the preset's)");
    command->add_option("--condition,-C", options->overrides.conditions,
                        "Export condition added to every environment (repeatable)");
    const std::map<std::string, DirectiveRule> rules{{"spec", DirectiveRule::Spec},
                                                     {"rwsdk", DirectiveRule::Rwsdk}};
    command->add_option("--directive-rule", options->overrides.directiveRule, "spec or rwsdk")
        ->transform(CLI::CheckedTransformer(rules));
    command
        ->add_option("--compat", options->compat,
                     "rwsdk: reproduce rwsdk 1.7.3's directive map, quirks included")
        ->check(CLI::IsMember({"rwsdk"}));
    command->add_option("--threads", options->threads, "Worker threads (default: one per core)")
        ->check(CLI::Range(1, 256));
    command->add_option("--json", options->json, "Write the scan document to FILE (- for stdout)");
    command->add_option("--directives", options->directives,
                        "Write the directive map to FILE (- for stdout)");
    command->add_flag("--quiet,-q", options->quiet, "No summary and no progress on stderr");
    command->add_flag("--reproducible", options->reproducible,
                      "Leave timings, memory and thread count out of the JSON");
    return [options, command]() { return command->parsed() ? runScan(*options) : -1; };
}

} // namespace fanout::cli

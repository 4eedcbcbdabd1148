// SPDX-License-Identifier: GPL-3.0-or-later
// The persistent scan cache against the I/O floor: a cold scan that stores the cache, then
// --runs rescans of the unchanged project (each checked and loaded from the cache), alternating
// with a plain read of the files the scan read on the same threads; then a one-file edit (a line
// appended to one first-party module, taken back afterwards), and --runs edits that change what
// that module imports (an import of something it already imports added, then taken out again).
// Prints medians and the ratio rescan / read. The cache lives in a temporary folder, never in the
// project.
//
//   fanout_cache_bench [--threads N] [--runs R] [--edit FILE] PROJECT_DIR
#include "timed_read.h"

#include "fanout/cache/scan_cache.h"
#include "fanout/project/project_config.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;
using fanout::bench::median;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timed {
    std::shared_ptr<const fanout::ScanResult> result;
    fanout::ScanCacheReport report;
    double seconds = 0;
};

// Until the result is back. A rescan that updated the cache stores it on a thread of its own
// meanwhile; that write is waited for after the clock stops (the next edit of a user comes later).
Timed timedScan(const fanout::ScanConfig& config, const fanout::ScanOptions& options,
                const fanout::ScanCacheSettings& settings) {
    Timed out;
    const auto start = Clock::now();
    out.result = fanout::cachedScan(config, options, settings, &out.report);
    out.seconds = secondsSince(start);
    fanout::finishCacheWrites();
    return out;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Rescans through the persistent cache against a plain read of the files"};
    std::string project;
    std::string edit;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    unsigned runs = 5;
    app.add_option("PROJECT_DIR", project, "Project to scan")->required();
    app.add_option("--threads", threads, "Threads for the scan and the read")
        ->check(CLI::Range(1u, 256u));
    app.add_option("--runs", runs, "Runs of each (the median is printed)")
        ->check(CLI::Range(1u, 100u));
    app.add_option("--edit", edit,
                   "File (relative to PROJECT_DIR) to edit (default: the first module of the "
                   "project's own code)");
    CLI11_PARSE(app, argc, argv);

    const auto config = fanout::loadScanConfig(std::filesystem::absolute(project).string(), {});
    fanout::ScanOptions options;
    options.threads = threads;
    fanout::ScanCacheSettings settings;
    settings.dir = (std::filesystem::temp_directory_path() /
                    ("fanout-cache-bench-" + std::to_string(::getpid())))
                       .string();
    const auto cold = timedScan(config, options, settings);
    std::vector<std::string> files;
    std::set<std::string> seen;
    for (const auto& module : cold.result->modules) {
        if (module.kind == fanout::ModuleKind::Parsed && seen.insert(module.path).second) {
            files.push_back(module.path);
            if (edit.empty() && module.path.find("/node_modules/") == std::string::npos) {
                edit = std::filesystem::relative(module.path, config.root).string();
            }
        }
    }
    // Files written less than two seconds before a scan are checked by contents once more: a
    // first rescan settles them, as a second run of the tool would.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const auto settle = timedScan(config, options, settings);
    std::vector<double> rescans;
    std::vector<double> reads;
    std::vector<double> checks;
    std::vector<double> stats;
    Timed last;
    for (unsigned run = 0; run < runs; ++run) {
        last = timedScan(config, options, settings);
        rescans.push_back(last.seconds);
        checks.push_back(last.report.checkMs / 1000);
        reads.push_back(fanout::bench::timedRead(files, threads));
        stats.push_back(fanout::bench::timedStat(files, threads));
    }
    const auto editPath = (std::filesystem::path(config.root) / edit).string();
    std::string original;
    {
        std::ifstream in(editPath, std::ios::binary);
        original.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::ofstream(editPath, std::ios::app) << "\n// edited by fanout_cache_bench\n";
    const auto edited = timedScan(config, options, settings);
    std::ofstream(editPath, std::ios::binary | std::ios::trunc) << original;
    // What the module imports first, imported once more: a change of its imports, each way.
    std::string specifier;
    for (const auto& edge : cold.result->edges) {
        if (specifier.empty() && edge.target && !edge.typeOnly &&
            cold.result->module(edge.importer).path == editPath) {
            specifier = cold.result->specifier(edge);
        }
    }
    std::vector<double> importEdits;
    Timed importEdited;
    for (unsigned run = 0; run < runs && !specifier.empty(); ++run) {
        std::ofstream(editPath, std::ios::app) << "\nimport \"" << specifier << "\";\n";
        importEdited = timedScan(config, options, settings);
        importEdits.push_back(importEdited.seconds);
        std::ofstream(editPath, std::ios::binary | std::ios::trunc) << original;
        importEdits.push_back(timedScan(config, options, settings).seconds);
    }
    std::filesystem::remove_all(settings.dir);

    const double read = median(reads);
    const double rescan = median(rescans);
    std::printf("project          %s\n", project.c_str());
    std::printf("files read       %zu, %zu modules, %u threads, median of %u runs\n", files.size(),
                cold.result->modules.size(), threads, runs);
    std::printf("cold scan        %.3f s  (%s; %s)\n", cold.seconds, cold.report.note.c_str(),
                cold.report.stored ? "stored" : "not stored");
    std::printf("settling rescan  %.3f s  (%llu files read again)\n", settle.seconds,
                static_cast<unsigned long long>(settle.report.filesRehashed));
    std::printf("read floor       %.3f s\n", read);
    std::printf("unchanged        %.3f s  (%s; check and load %.3f s)\n", rescan,
                last.report.hit ? "from the cache" : last.report.note.c_str(), median(checks));
    std::printf(
        "  its parts      cache read %.1f ms, inputs checked %.1f ms, result loaded %.1f ms "
        "(last run)\n",
        last.report.readMs, last.report.inputsMs, last.report.loadMs);
    std::printf("ratio            %.2fx the read floor\n", rescan / read);
    // What no check of every file can go below, on this machine.
    const double stat = median(stats);
    std::printf("stat floor       %.3f s  (%.2fx the read floor: one stat() of each file read, by "
                "folder, same threads)\n",
                stat, stat / read);
    std::printf("one-file edit    %.3f s  (%s: %s)\n", edited.seconds, edit.c_str(),
                edited.report.hit ? "from the cache" : edited.report.note.c_str());
    if (importEdits.empty()) {
        std::printf("import edit      not measured (%s imports nothing that resolved)\n",
                    edit.c_str());
    } else {
        std::printf("import edit      %.3f s  (median of %zu; import \"%s\" added and taken out: "
                    "%s)\n",
                    median(importEdits), importEdits.size(), specifier.c_str(),
                    importEdited.report.note.c_str());
    }
    return 0;
}

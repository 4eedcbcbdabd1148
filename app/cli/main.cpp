// SPDX-License-Identifier: GPL-3.0-or-later
#include "check_command.h"
#include "demo_command.h"
#include "diff_command.h"
#include "heap_command.h"
#include "inspect_command.h"
#include "profile_command.h"
#include "report_command.h"
#include "resolve_command.h"
#include "scan_command.h"

#include "fanout/cache/scan_cache.h"
#include "fanout/scan/allocator_arenas.h"
#include "fanout/scan/huge_page_heaps.h"
#include "fanout/version.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <vector>

namespace {

constexpr int kUsageError = 2;

} // namespace

int main(int argc, char** argv) {
    fanout::restartWithHugePageHeaps(argv); // first: it may run the program again
    fanout::limitAllocatorArenas();         // before any thread starts
    fanout::padAllocatorHeaps();
    fanout::keepLargeBlocksInHeaps();
    CLI::App app{"Fanout: import-graph scanner for JavaScript and TypeScript projects", "fanout"};
    app.set_version_flag("--version", "fanout " + std::string(fanout::kVersion));
    app.require_subcommand(1);

    const std::vector<std::function<int()>> commands{
        fanout::cli::addScanCommand(app),    fanout::cli::addReportCommand(app),
        fanout::cli::addWhyCommand(app),     fanout::cli::addCheckCommand(app),
        fanout::cli::addInspectCommand(app), fanout::cli::addResolveCommand(app),
        fanout::cli::addDemoCommand(app),    fanout::cli::addProfileCommand(app),
        fanout::cli::addDiffCommand(app),    fanout::cli::addHeapCommand(app)};

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : kUsageError;
    }
    // A rescan through the cache hands its result back while the cache is still being stored.
    const auto finished = [](int code) {
        for (const auto& problem : fanout::finishCacheWrites()) {
            std::cerr << "fanout: the scan cache was not stored: " << problem << "\n";
        }
        return code;
    };
    try {
        for (const auto& command : commands) {
            if (const int code = command(); code >= 0) {
                return finished(code);
            }
        }
    } catch (const std::exception& error) {
        std::cerr << "fanout: " << error.what() << "\n";
        return 1;
    }
    return kUsageError;
}

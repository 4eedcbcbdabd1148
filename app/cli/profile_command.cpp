// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_command.h"

#include "fanout/base/size_format.h"
#include "fanout/io/atomic_file.h"
#include "fanout/profile/profiler.h"

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

namespace fanout::cli {
namespace {

constexpr int kCannotStart = 127; // as shells say it
constexpr int kUsageError = 2;

struct ProfileCliOptions {
    unsigned intervalMs = 100;
    std::vector<std::string> phases; // NAME=REGEX
    std::string json;
    std::string csv;
    std::string cwd;
    std::string heapSnapshots; // --heap-snapshot-near-limit DIR
    std::vector<std::string> command;
};

namespace fs = std::filesystem;

// A value inside NODE_OPTIONS, quoted as Node reads it (a path may hold spaces).
std::string nodeOptionValue(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

std::set<fs::path> heapSnapshotsIn(const fs::path& dir) {
    std::set<fs::path> out;
    std::error_code error;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".heapsnapshot") {
            out.insert(it->path());
        }
    }
    return out;
}

// Node writes a heap snapshot into `dir` when the heap of any of the command's Node processes
// nears its limit: the user's own NODE_OPTIONS are kept, the two options added after them.
bool askForHeapSnapshots(const std::string& dir, ProfileOptions& profile) {
    std::error_code error;
    fs::create_directories(dir, error);
    const auto absolute = fs::absolute(dir, error);
    if (error || !fs::is_directory(absolute)) {
        std::cerr << "fanout profile: cannot use " << dir << " for heap snapshots"
                  << (error ? ": " + error.message() : std::string()) << "\n";
        return false;
    }
    const char* own = std::getenv("NODE_OPTIONS");
    std::string options = own != nullptr && *own != '\0' ? std::string(own) + " " : "";
    options += "--heapsnapshot-near-heap-limit=1 --diagnostic-dir=" +
               nodeOptionValue(absolute.lexically_normal().string());
    profile.environment.emplace_back("NODE_OPTIONS", options);
    return true;
}

void listHeapSnapshots(const std::string& dir, const std::set<fs::path>& before) {
    bool any = false;
    for (const auto& path : heapSnapshotsIn(dir)) {
        if (before.contains(path)) {
            continue;
        }
        std::error_code error;
        const auto size = fs::file_size(path, error);
        std::cerr << "fanout profile: heap snapshot written: " << path.string() << " ("
                  << formatSize(error ? 0 : size) << "); read it with: fanout heap '"
                  << path.string() << "'\n";
        any = true;
    }
    if (!any) {
        std::cerr << "fanout profile: no heap snapshot was written in " << dir
                  << " (no Node heap came near its limit)\n";
    }
}

std::stop_source& interruption() {
    static std::stop_source source;
    return source;
}

int runProfile(const ProfileCliOptions& options) {
    ProfileOptions profile;
    profile.command = options.command;
    profile.workingDirectory = options.cwd;
    profile.intervalSeconds = options.intervalMs / 1000.0;
    for (const auto& phase : options.phases) {
        const auto equals = phase.find('=');
        if (equals == std::string::npos || equals == 0) {
            std::cerr << "fanout profile: --phase takes NAME=REGEX, not " << phase << "\n";
            return kUsageError;
        }
        profile.phases.emplace_back(phase.substr(0, equals), phase.substr(equals + 1));
    }
    std::set<fs::path> snapshotsBefore;
    if (!options.heapSnapshots.empty()) {
        if (!askForHeapSnapshots(options.heapSnapshots, profile)) {
            return kUsageError;
        }
        snapshotsBefore = heapSnapshotsIn(options.heapSnapshots);
    }
    // Ctrl-C stops the command and still reports what was measured.
    profile.stop = interruption().get_token();
    std::signal(SIGINT, [](int) { interruption().request_stop(); });
    std::signal(SIGTERM, [](int) { interruption().request_stop(); });
    ProfileResult result;
    try {
        result = profileCommand(profile);
    } catch (const std::invalid_argument& error) {
        std::cerr << "fanout profile: " << error.what() << "\n";
        return kUsageError;
    }
    std::cerr << profileSummary(result);
    if (!result.started) {
        return kCannotStart;
    }
    if (!options.heapSnapshots.empty()) {
        listHeapSnapshots(options.heapSnapshots, snapshotsBefore);
    }
    for (const auto& [file, contents, what] :
         {std::tuple{options.json, profileJson(result), "JSON"},
          std::tuple{options.csv, profileCsv(result), "CSV"}}) {
        if (!file.empty()) {
            if (const auto error = writeFileAtomically(file, contents); !error.empty()) {
                std::cerr << "fanout profile: cannot write the " << what << ": " << error << "\n";
                return result.exitCode == 0 ? 1 : result.exitCode;
            }
        }
    }
    return result.exitCode;
}

} // namespace

std::function<int()> addProfileCommand(CLI::App& app) {
    auto options = std::make_shared<ProfileCliOptions>();
    auto* command = app.add_subcommand(
        "profile", "Run a command (a build) and record the memory of every process it starts");
    command->add_option("--interval", options->intervalMs, "Sampling interval (default: 100)")
        ->type_name("MS")
        ->check(CLI::Range(10u, 60000u).description(""));
    command
        ->add_option("--phase", options->phases,
                     "A line of output matching REGEX starts phase NAME (repeatable)")
        ->type_name("NAME=REGEX")
        ->allow_extra_args(false);
    command->add_option("--json", options->json, "Write the whole timeline as JSON to FILE")
        ->type_name("FILE");
    command->add_option("--csv", options->csv, "Write the timeline as CSV to FILE")
        ->type_name("FILE");
    command->add_option("--cwd", options->cwd, "Run the command in DIR")->type_name("DIR");
    command
        ->add_option("--heap-snapshot-near-limit", options->heapSnapshots,
                     "Have Node write a heap snapshot into DIR when a heap nears its limit "
                     "(added to NODE_OPTIONS), and list those written")
        ->type_name("DIR");
    command->add_option("COMMAND", options->command, "The command and its arguments, after --")
        ->type_name("")
        ->required();
    command->footer("Example: fanout profile --phase bundle='building for production' -- "
                    "pnpm build");
    return [options, command]() { return command->parsed() ? runProfile(*options) : -1; };
}

} // namespace fanout::cli

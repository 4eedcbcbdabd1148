// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_command.h"

#include "fanout/io/atomic_file.h"
#include "fanout/profile/profiler.h"

#include <csignal>
#include <iostream>
#include <memory>
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
    std::vector<std::string> command;
};

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
    command->add_option("COMMAND", options->command, "The command and its arguments, after --")
        ->type_name("")
        ->required();
    command->footer("Example: fanout profile --phase bundle='building for production' -- "
                    "pnpm build");
    return [options, command]() { return command->parsed() ? runProfile(*options) : -1; };
}

} // namespace fanout::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fanout {

struct ProfileOptions {
    std::vector<std::string> command; // argv, run directly (no shell)
    std::string workingDirectory;     // empty: the current one
    // Environment variables set for the command, over this process's own.
    std::vector<std::pair<std::string, std::string>> environment;
    double intervalSeconds = 0.1;
    // Phase name and ECMAScript regular expression: a line of the command's output that matches
    // starts that phase. Patterns are tried in order.
    std::vector<std::pair<std::string, std::string>> phases;
    // Each line of the command's output as it comes (stderr when `error`); by default it is
    // written through to this process's stdout and stderr.
    std::function<void(std::string_view line, bool error)> output;
    // Called on the sampling thread after every sample, with the result so far.
    std::function<void(const struct ProfileResult&)> sampled;
    std::stop_token stop; // stops the command (SIGTERM to its process group, then SIGKILL)
};

struct ProfiledProcess {
    int pid = 0;
    int ppid = 0;
    std::string name;
    std::string commandLine;
    double firstSeen = 0; // seconds since the command started
    double lastSeen = 0;
    std::uint64_t peakBytes = 0;
    double peakAt = 0;
    std::string peakPhase;
    bool runningAtEnd = false; // still alive when the command exited
};

struct ProfileSample {
    double seconds = 0;
    std::uint64_t treeBytes = 0;
    std::uint64_t availableBytes = 0;
    std::vector<std::pair<int, std::uint64_t>> processes; // pid, resident bytes
};

struct PhaseMark {
    double seconds = 0;
    std::string name;
    std::string line; // the output line that started it
};

struct ProfileResult {
    std::vector<std::string> command;
    std::string workingDirectory;
    double intervalSeconds = 0;
    bool started = false;
    std::string error; // why the command could not start
    int exitCode = -1; // the command's exit status, or 128 + the signal that ended it
    double wallSeconds = 0;
    std::vector<ProfiledProcess> processes; // in the order they appeared
    std::vector<ProfileSample> samples;
    std::vector<PhaseMark> phases;
    std::uint64_t treePeakBytes = 0;
    double treePeakAt = 0;
    std::string treePeakPhase;
    std::uint64_t minAvailableBytes = 0;

    // The phase in force at `seconds` ("" before the first).
    std::string phaseAt(double seconds) const;
};

// Runs the command, passes its output through, samples the resident memory of every process of
// its tree and the system's available memory at the interval, marks phases from its output, and
// returns when it has exited (its direct child is waited for: no zombie is left). Throws
// std::invalid_argument for an empty command or a malformed phase pattern.
ProfileResult profileCommand(const ProfileOptions& options);

// The whole profile as JSON (schema 1) and as CSV (one row per sample, one column per process).
std::string profileJson(const ProfileResult& result);
std::string profileCsv(const ProfileResult& result);
// The summary `fanout profile` prints: peaks per process and for the tree, when and in which phase.
std::string profileSummary(const ProfileResult& result);

} // namespace fanout

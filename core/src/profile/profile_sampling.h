// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/profile/process_tree.h"
#include "fanout/profile/profiler.h"

#include <chrono>
#include <map>
#include <mutex>
#include <regex>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fanout::detail {

// The phase patterns, compiled once; a line starts the first phase whose pattern it matches.
struct PhaseRules {
    std::vector<std::pair<std::string, std::regex>> rules;

    // Throws std::invalid_argument naming the phase whose pattern is not a regular expression.
    explicit PhaseRules(const std::vector<std::pair<std::string, std::string>>& phases);
    // The name of the first phase whose pattern `line` matches, or null.
    const std::string* match(const std::string& line) const;
};

// What the sampling thread and the output loop of one profiled command share: the result so
// far, the tree of processes followed, the phases seen in its output.
class ProfileSession {
public:
    ProfileSession(const ProfileOptions& options, int root);

    double now() const;
    // One sample of the tree and of the system's available memory.
    void sample();
    // One line of the command's output: passed on, and matched against the phase patterns.
    void line(const std::string& text, bool error);
    // Orphans of the tree that this process adopted (it is their subreaper) and that have
    // exited are reaped, by pid: children of ours outside the tree are never touched.
    void reapAdopted();
    ProfileResult finish(int exitCode);

private:
    using Clock = std::chrono::steady_clock;
    const ProfileOptions& m_options;
    PhaseRules m_rules;
    ProcessTreeTracker m_tracker;
    Clock::time_point m_start;
    std::mutex m_mutex;
    ProfileResult m_result;
    std::map<std::pair<int, std::uint64_t>, std::size_t> m_index;
    std::vector<std::pair<int, std::uint64_t>> m_lastMembers;
    std::vector<int> m_adopted;
    int m_root;
    int m_self = ::getpid();
};

} // namespace fanout::detail

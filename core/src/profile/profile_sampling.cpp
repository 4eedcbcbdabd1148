// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/profile_sampling.h"

#include "profile/spawn.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace fanout::detail {

PhaseRules::PhaseRules(const std::vector<std::pair<std::string, std::string>>& phases) {
    for (const auto& [name, pattern] : phases) {
        try {
            rules.emplace_back(name, std::regex(pattern, std::regex::ECMAScript));
        } catch (const std::regex_error& error) {
            throw std::invalid_argument("phase " + name + ": the pattern " + pattern +
                                        " is not a valid regular expression (" + error.what() +
                                        ")");
        }
    }
}

const std::string* PhaseRules::match(const std::string& line) const {
    for (const auto& [name, pattern] : rules) {
        if (std::regex_search(line, pattern)) {
            return &name;
        }
    }
    return nullptr;
}

ProfileSession::ProfileSession(const ProfileOptions& options, int root)
    : m_options(options), m_rules(options.phases), m_tracker(root), m_start(Clock::now()),
      m_root(root) {
    m_result.command = options.command;
    m_result.workingDirectory = options.workingDirectory;
    m_result.intervalSeconds = options.intervalSeconds;
    m_result.started = true;
    m_result.minAvailableBytes = UINT64_MAX;
}

double ProfileSession::now() const {
    return std::chrono::duration<double>(Clock::now() - m_start).count();
}

void ProfileSession::sample() {
    const auto processes = listProcesses();
    const auto available = availableMemoryBytes();
    std::lock_guard lock(m_mutex);
    const auto members = m_tracker.members(processes);
    ProfileSample sample;
    sample.seconds = now();
    sample.availableBytes = available;
    const auto phase = m_result.phaseAt(sample.seconds);
    for (const auto& process : members) {
        sample.treeBytes += process.residentBytes;
        sample.processes.emplace_back(process.pid, process.residentBytes);
        const auto key = std::make_pair(process.pid, process.startTicks);
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            ProfiledProcess seen;
            seen.pid = process.pid;
            seen.ppid = process.ppid;
            seen.name = process.name;
            seen.commandLine = processCommandLine(process.pid);
            seen.firstSeen = sample.seconds;
            it = m_index.emplace(key, m_result.processes.size()).first;
            m_result.processes.push_back(std::move(seen));
        }
        auto& profiled = m_result.processes[it->second];
        profiled.lastSeen = sample.seconds;
        if (profiled.name != process.name) { // it exec'd another program (a shim's target)
            profiled.name = process.name;
            profiled.commandLine = processCommandLine(process.pid);
        }
        if (process.residentBytes > profiled.peakBytes) {
            profiled.peakBytes = process.residentBytes;
            profiled.peakAt = sample.seconds;
            profiled.peakPhase = phase;
        }
    }
    if (sample.treeBytes > m_result.treePeakBytes) {
        m_result.treePeakBytes = sample.treeBytes;
        m_result.treePeakAt = sample.seconds;
        m_result.treePeakPhase = phase;
    }
    if (available > 0) {
        m_result.minAvailableBytes = std::min(m_result.minAvailableBytes, available);
    }
    m_lastMembers.clear();
    m_adopted.clear();
    for (const auto& process : members) {
        m_lastMembers.emplace_back(process.pid, process.startTicks);
        if (process.ppid == m_self && process.pid != m_root) {
            m_adopted.push_back(process.pid);
        }
    }
    m_result.samples.push_back(std::move(sample));
    if (m_options.sampled) {
        m_options.sampled(m_result);
    }
}

void ProfileSession::line(const std::string& text, bool error) {
    if (m_options.output) {
        m_options.output(text, error);
    } else {
        writeAll(error ? STDERR_FILENO : STDOUT_FILENO, text + "\n");
    }
    if (const auto* name = m_rules.match(text)) {
        std::lock_guard lock(m_mutex);
        if (m_result.phases.empty() || m_result.phases.back().name != *name) {
            m_result.phases.push_back({now(), *name, text});
        }
    }
}

void ProfileSession::reapAdopted() {
    std::vector<int> adopted;
    {
        std::lock_guard lock(m_mutex);
        adopted = m_adopted;
    }
    for (const int pid : adopted) {
        int status = 0;
        ::waitpid(pid, &status, WNOHANG);
    }
}

ProfileResult ProfileSession::finish(int exitCode) {
    std::lock_guard lock(m_mutex);
    m_result.exitCode = exitCode;
    m_result.wallSeconds = now();
    if (m_result.minAvailableBytes == UINT64_MAX) {
        m_result.minAvailableBytes = 0;
    }
    // Processes of the last sample that outlived the command (daemons, stray workers).
    const auto alive = listProcesses();
    for (const auto& member : m_lastMembers) {
        const bool stillThere = std::any_of(alive.begin(), alive.end(), [&](const auto& p) {
            return p.pid == member.first && p.startTicks == member.second;
        });
        if (const auto it = m_index.find(member); stillThere && it != m_index.end()) {
            m_result.processes[it->second].runningAtEnd = true;
        }
    }
    return m_result;
}

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/profile/process_tree.h"

#include "fanout/io/process_memory.h"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <unistd.h>

namespace fanout {
namespace {

// /proc/PID/stat: "pid (comm) state ppid ... starttime(22nd) ...". The name may hold spaces and
// parentheses, so it runs to the last ')'.
bool readStat(int pid, ProcessInfo& info) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(in, text)) {
        return false;
    }
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        return false;
    }
    info.pid = pid;
    info.name = text.substr(open + 1, close - open - 1);
    std::istringstream fields(text.substr(close + 1));
    std::string state;
    fields >> state >> info.ppid >> info.processGroup;
    std::string skip;
    for (int field = 6; field < 22 && fields >> skip; ++field) {
    }
    fields >> info.startTicks;
    return static_cast<bool>(fields);
}

} // namespace

std::vector<ProcessInfo> listProcesses() {
    std::vector<ProcessInfo> out;
    DIR* proc = ::opendir("/proc");
    if (proc == nullptr) {
        return out;
    }
    while (const dirent* entry = ::readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || pid <= 0) {
            continue;
        }
        ProcessInfo info;
        if (readStat(static_cast<int>(pid), info)) {
            info.residentBytes = residentBytes(info.pid);
            out.push_back(std::move(info));
        }
    }
    ::closedir(proc);
    return out;
}

std::string processCommandLine(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && text.back() == '\0') {
        text.pop_back();
    }
    for (auto& c : text) {
        if (c == '\0') {
            c = ' ';
        }
    }
    return text;
}

std::uint64_t availableMemoryBytes() {
    std::ifstream in("/proc/meminfo");
    std::string key;
    std::uint64_t kilobytes = 0;
    std::string unit;
    while (in >> key >> kilobytes >> unit) {
        if (key == "MemAvailable:") {
            return kilobytes * 1024;
        }
    }
    return 0;
}

std::vector<ProcessInfo> ProcessTreeTracker::members(const std::vector<ProcessInfo>& processes) {
    std::map<int, const ProcessInfo*> byPid;
    for (const auto& process : processes) {
        byPid[process.pid] = &process;
    }
    std::set<int> inTree;
    // A process is in when it was seen in the tree before (same start), is the root, or its
    // parent is in: decided walking up, memoised.
    std::map<int, bool> decided;
    const auto isMember = [&](auto& self, int pid, int depth) -> bool {
        if (const auto it = decided.find(pid); it != decided.end()) {
            return it->second;
        }
        const auto found = byPid.find(pid);
        if (found == byPid.end() || depth > 4096) {
            return decided[pid] = false;
        }
        const auto& info = *found->second;
        if (pid == m_root || info.processGroup == m_root) {
            return decided[pid] = true;
        }
        if (const auto known = m_known.find(pid);
            known != m_known.end() && known->second == info.startTicks) {
            return decided[pid] = true;
        }
        decided[pid] = false; // guards against a cycle while the parent is decided
        return decided[pid] = info.ppid > 0 && self(self, info.ppid, depth + 1);
    };
    std::vector<ProcessInfo> out;
    for (const auto& process : processes) {
        if (isMember(isMember, process.pid, 0)) {
            out.push_back(process);
        }
    }
    std::map<int, std::uint64_t> known;
    for (const auto& process : out) {
        known[process.pid] = process.startTicks;
    }
    m_known = std::move(known);
    std::stable_partition(out.begin(), out.end(),
                          [this](const ProcessInfo& p) { return p.pid == m_root; });
    return out;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/profile/profiler.h"

#include "fanout/base/csv.h"
#include "fanout/base/size_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace fanout {

std::string profileJson(const ProfileResult& result) {
    nlohmann::ordered_json json;
    json["schema"] = 1;
    json["command"] = result.command;
    json["workingDirectory"] = result.workingDirectory;
    json["intervalMs"] = result.intervalSeconds * 1000;
    json["started"] = result.started;
    if (!result.error.empty()) {
        json["error"] = result.error;
    }
    json["exitCode"] = result.exitCode;
    json["wallSeconds"] = result.wallSeconds;
    json["tree"] = {{"peakBytes", result.treePeakBytes},
                    {"peakAt", result.treePeakAt},
                    {"peakPhase", result.treePeakPhase}};
    json["system"] = {{"minAvailableBytes", result.minAvailableBytes}};
    auto phases = nlohmann::ordered_json::array();
    for (const auto& mark : result.phases) {
        phases.push_back({{"seconds", mark.seconds}, {"name", mark.name}, {"line", mark.line}});
    }
    json["phases"] = std::move(phases);
    auto processes = nlohmann::ordered_json::array();
    for (const auto& process : result.processes) {
        processes.push_back({{"pid", process.pid},
                             {"ppid", process.ppid},
                             {"name", process.name},
                             {"commandLine", process.commandLine},
                             {"firstSeen", process.firstSeen},
                             {"lastSeen", process.lastSeen},
                             {"peakBytes", process.peakBytes},
                             {"peakAt", process.peakAt},
                             {"peakPhase", process.peakPhase},
                             {"runningAtEnd", process.runningAtEnd}});
    }
    json["processes"] = std::move(processes);
    auto timeline = nlohmann::ordered_json::array();
    for (const auto& sample : result.samples) {
        auto rss = nlohmann::ordered_json::object();
        for (const auto& [pid, bytes] : sample.processes) {
            rss[std::to_string(pid)] = bytes;
        }
        timeline.push_back({{"seconds", sample.seconds},
                            {"phase", result.phaseAt(sample.seconds)},
                            {"treeBytes", sample.treeBytes},
                            {"availableBytes", sample.availableBytes},
                            {"processes", std::move(rss)}});
    }
    json["timeline"] = std::move(timeline);
    return json.dump(2) + "\n";
}

std::string profileCsv(const ProfileResult& result) {
    std::ostringstream out;
    out << "seconds,phase,tree_bytes,available_bytes";
    std::map<int, std::size_t> column; // pid -> column (a reused pid shares it)
    std::vector<int> pids;
    for (const auto& process : result.processes) {
        if (column.emplace(process.pid, pids.size()).second) {
            pids.push_back(process.pid);
            out << "," << csvQuoted(std::to_string(process.pid) + " " + process.name);
        }
    }
    out << "\n";
    for (const auto& sample : result.samples) {
        std::vector<std::string> cells(pids.size());
        for (const auto& [pid, bytes] : sample.processes) {
            cells[column.at(pid)] = std::to_string(bytes);
        }
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", sample.seconds);
        out << seconds << "," << csvQuoted(result.phaseAt(sample.seconds)) << ","
            << sample.treeBytes << "," << sample.availableBytes;
        for (const auto& cell : cells) {
            out << "," << cell;
        }
        out << "\n";
    }
    return out.str();
}

std::string profileSummary(const ProfileResult& result) {
    std::ostringstream out;
    std::string command;
    for (const auto& arg : result.command) {
        command += (command.empty() ? "" : " ") + arg;
    }
    if (!result.started) {
        out << "fanout profile: " << result.error << "\n";
        return out.str();
    }
    char line[512];
    std::snprintf(line, sizeof line, "fanout profile: `%s` exited with %d after %.1f s\n",
                  command.c_str(), result.exitCode, result.wallSeconds);
    out << line;
    const auto phase = [](const std::string& name) { return name.empty() ? "-" : name; };
    std::snprintf(line, sizeof line, "  tree peak %s at %.1f s (phase %s)",
                  formatSize(result.treePeakBytes).c_str(), result.treePeakAt,
                  phase(result.treePeakPhase).c_str());
    out << line;
    if (result.minAvailableBytes > 0) {
        out << "; system memory available fell to " << formatSize(result.minAvailableBytes);
    }
    out << "\n";
    if (!result.phases.empty()) {
        out << "  phases:";
        for (const auto& mark : result.phases) {
            std::snprintf(line, sizeof line, " %s at %.1f s;", mark.name.c_str(), mark.seconds);
            out << line;
        }
        out << "\n";
    }
    auto processes = result.processes;
    std::stable_sort(processes.begin(), processes.end(),
                     [](const auto& a, const auto& b) { return a.peakBytes > b.peakBytes; });
    out << "  PID       PEAK      AT  PHASE         PROCESS\n";
    constexpr std::size_t kShown = 15;
    for (std::size_t i = 0; i < processes.size() && i < kShown; ++i) {
        const auto& process = processes[i];
        const auto shown = process.commandLine.empty() ? process.name : process.commandLine;
        std::snprintf(line, sizeof line, "  %-7d %9s %6.1fs  %-12s  %.80s%s\n", process.pid,
                      formatSize(process.peakBytes).c_str(), process.peakAt,
                      phase(process.peakPhase).c_str(), shown.c_str(),
                      process.runningAtEnd ? "  (still running)" : "");
        out << line;
    }
    if (processes.size() > kShown) {
        out << "  ... and " << processes.size() - kShown << " smaller processes\n";
    }
    return out.str();
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_report.h"

#include "fanout/base/size_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <numeric>

namespace fanout {
namespace {

std::vector<HeapObjectRow> largestObjects(const HeapSnapshot& snapshot,
                                          const HeapDominators& dominators,
                                          const std::vector<std::uint32_t>& retainers,
                                          std::size_t top) {
    std::vector<std::uint32_t> candidates;
    for (const auto node : dominators.reachable) {
        if (snapshot.nodeTypeName(node) != "synthetic") {
            candidates.push_back(node);
        }
    }
    const auto count = std::min(top, candidates.size());
    const auto larger = [&](std::uint32_t a, std::uint32_t b) {
        return dominators.retained[a] != dominators.retained[b]
                   ? dominators.retained[a] > dominators.retained[b]
                   : a < b;
    };
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count),
                      candidates.end(), larger);
    std::vector<HeapObjectRow> rows;
    for (std::size_t i = 0; i < count; ++i) {
        const auto node = candidates[i];
        rows.push_back({node, snapshot.nodeId[node], heapClassName(snapshot, node),
                        heapPreview(snapshot.string(snapshot.nodeName[node])),
                        snapshot.selfSize[node], dominators.retained[node],
                        heapRetainerPath(snapshot, retainers, node)});
    }
    return rows;
}

} // namespace

std::string heapPreview(std::string_view text, std::size_t characters) {
    std::string out;
    for (const char c : text.substr(0, characters)) {
        if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return text.size() > characters ? out + "…" : out;
}

HeapReport buildHeapReport(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                           std::size_t top) {
    return buildHeapReport(snapshot, dominators, classifyHeapObjects(snapshot, dominators),
                           shortestRetainerEdges(snapshot), top);
}

HeapReport buildHeapReport(const HeapSnapshot& snapshot, const HeapDominators& dominators,
                           const HeapClasses& classes,
                           const std::vector<std::uint32_t>& retainerEdges, std::size_t top) {
    HeapReport report;
    report.nodes = snapshot.nodeCount();
    report.edges = snapshot.edgeCount();
    report.strings = snapshot.stringCount();
    report.reachableBytes = dominators.retained[0];
    const auto all =
        std::accumulate(snapshot.selfSize.begin(), snapshot.selfSize.end(), std::uint64_t{0});
    report.unreachableBytes = all - report.reachableBytes;
    report.classCount = classes.rows.size();
    report.classes.assign(classes.rows.begin(),
                          classes.rows.begin() +
                              static_cast<std::ptrdiff_t>(std::min(classes.rows.size(), top)));
    report.largest = largestObjects(snapshot, dominators, retainerEdges, top);
    const auto duplicates = duplicatedStrings(snapshot, dominators);
    for (const auto& duplicate : duplicates) {
        report.duplicatedStringBytes += duplicate.wastedBytes();
        if (report.duplicates.size() < top) {
            report.duplicates.push_back({heapPreview(snapshot.string(duplicate.name)),
                                         duplicate.copies, duplicate.bytesEach,
                                         duplicate.wastedBytes()});
        }
    }
    return report;
}

void writeHeapReportText(std::ostream& out, const HeapReport& report) {
    out << report.nodes << " objects, " << report.edges << " references, " << report.strings
        << " strings; live heap " << formatSize(report.reachableBytes) << " (plus "
        << formatSize(report.unreachableBytes) << " unreachable)\n";
    out << "\nSummary by constructor (" << report.classCount << " classes; retained counts each "
        << "object once)\n";
    out << std::setw(10) << "objects" << std::setw(12) << "shallow" << std::setw(12) << "retained"
        << "  class\n";
    for (const auto& row : report.classes) {
        out << std::setw(10) << row.count << std::setw(12) << formatSize(row.selfBytes)
            << std::setw(12) << formatSize(row.retainedBytes) << "  " << row.name << "\n";
    }
    out << "\nLargest objects by retained size, with a shortest path from the root\n";
    for (const auto& row : report.largest) {
        out << std::setw(12) << formatSize(row.retainedBytes) << "  " << row.className << " @"
            << row.id;
        if (!row.name.empty() && row.name != row.className) {
            out << " \"" << row.name << "\"";
        }
        out << " (self " << formatSize(row.selfBytes) << ")\n";
        for (const auto& step : row.path) {
            out << std::string(16, ' ') << "← " << step << "\n";
        }
    }
    out << "\nDuplicated strings (" << formatSize(report.duplicatedStringBytes)
        << " wasted in all)\n";
    if (report.duplicates.empty()) {
        out << "  none\n";
    }
    for (const auto& row : report.duplicates) {
        out << std::setw(12) << formatSize(row.wastedBytes) << "  " << row.copies << " × "
            << formatSize(row.bytesEach) << "  \"" << row.text << "\"\n";
    }
}

nlohmann::json heapReportJson(const HeapReport& report) {
    auto classes = nlohmann::json::array();
    for (const auto& row : report.classes) {
        classes.push_back({{"name", row.name},
                           {"count", row.count},
                           {"selfBytes", row.selfBytes},
                           {"retainedBytes", row.retainedBytes}});
    }
    auto largest = nlohmann::json::array();
    for (const auto& row : report.largest) {
        largest.push_back({{"id", row.id},
                           {"class", row.className},
                           {"name", row.name},
                           {"selfBytes", row.selfBytes},
                           {"retainedBytes", row.retainedBytes},
                           {"retainerPath", row.path}});
    }
    auto duplicates = nlohmann::json::array();
    for (const auto& row : report.duplicates) {
        duplicates.push_back({{"text", row.text},
                              {"copies", row.copies},
                              {"bytesEach", row.bytesEach},
                              {"wastedBytes", row.wastedBytes}});
    }
    return {{"nodes", report.nodes},
            {"edges", report.edges},
            {"strings", report.strings},
            {"reachableBytes", report.reachableBytes},
            {"unreachableBytes", report.unreachableBytes},
            {"classCount", report.classCount},
            {"classes", classes},
            {"largest", largest},
            {"duplicatedStringBytes", report.duplicatedStringBytes},
            {"duplicatedStrings", duplicates}};
}

} // namespace fanout

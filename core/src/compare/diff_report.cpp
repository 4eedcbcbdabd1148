// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/compare/diff_report.h"

#include "fanout/base/size_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace fanout {
namespace {

std::string signedCount(std::int64_t value) {
    return (value > 0 ? "+" : "") + std::to_string(value);
}

std::string signedSize(std::int64_t value) {
    if (value == 0) {
        return "0 B";
    }
    const auto magnitude = formatSize(static_cast<std::uint64_t>(value < 0 ? -value : value));
    return (value < 0 ? "-" : "+") + magnitude;
}

// "1 module", "2 modules".
std::string moduleCount(std::uint64_t count) {
    return std::to_string(count) + (count == 1 ? " module" : " modules");
}

std::string milliseconds(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f ms", ms);
    return text;
}

// How the two formats write the same report.
class Writer {
public:
    Writer(std::ostream& out, DiffFormat format, std::size_t limit)
        : m_out(out), m_markdown(format == DiffFormat::Markdown), m_limit(limit) {}

    void title(const ScanDiff& diff) {
        if (m_markdown) {
            m_out << "## fanout diff\n\n"
                  << code(diff.beforeFile) << " → " << code(diff.afterFile) << "\n";
        } else {
            m_out << "fanout diff: " << diff.beforeFile << " -> " << diff.afterFile << "\n";
        }
    }

    void totals(const std::vector<std::array<std::string, 4>>& rows) {
        m_out << "\n";
        if (m_markdown) {
            m_out << "| | before | after | change |\n| --- | ---: | ---: | ---: |\n";
            for (const auto& row : rows) {
                m_out << "| " << row[0] << " | " << row[1] << " | " << row[2] << " | " << row[3]
                      << " |\n";
            }
            return;
        }
        char line[160];
        std::snprintf(line, sizeof line, "%-14s %14s %14s %14s\n", "", "before", "after", "change");
        m_out << line;
        for (const auto& row : rows) {
            std::snprintf(line, sizeof line, "%-14s %14s %14s %14s\n", row[0].c_str(),
                          row[1].c_str(), row[2].c_str(), row[3].c_str());
            m_out << line;
        }
    }

    // A heading, then at most `limit` of the items (the rest counted).
    void section(const std::string& heading, const std::vector<std::string>& items) {
        if (items.empty()) {
            return;
        }
        m_out << (m_markdown ? "\n### " : "\n") << heading << (m_markdown ? "\n\n" : "\n");
        const auto shown = std::min(items.size(), m_limit);
        for (std::size_t i = 0; i < shown; ++i) {
            m_out << (m_markdown ? "- " : "  ") << items[i] << "\n";
        }
        if (shown < items.size()) {
            m_out << (m_markdown ? "- " : "  ") << "… and " << items.size() - shown << " more\n";
        }
    }

    std::string code(const std::string& text) const { return m_markdown ? "`" + text + "`" : text; }

private:
    std::ostream& m_out;
    bool m_markdown;
    std::size_t m_limit;
};

std::array<std::string, 4> countRow(const char* name, std::uint64_t before, std::uint64_t after) {
    return {name, std::to_string(before), std::to_string(after),
            signedCount(static_cast<std::int64_t>(after) - static_cast<std::int64_t>(before))};
}

std::array<std::string, 4> sizeRow(const char* name, std::uint64_t before, std::uint64_t after) {
    return {name, formatSize(before), formatSize(after),
            signedSize(static_cast<std::int64_t>(after) - static_cast<std::int64_t>(before))};
}

std::vector<std::array<std::string, 4>> totalRows(const ScanDiff& diff) {
    const auto& was = diff.statsBefore;
    const auto& is = diff.statsAfter;
    std::vector<std::array<std::string, 4>> rows{
        countRow("modules", was.modules, is.modules),
        countRow("edges", was.edges, is.edges),
        sizeRow("bytes read", was.bytesRead, is.bytesRead),
        countRow("unresolved", was.unresolved, is.unresolved),
    };
    if (was.wallMs && is.wallMs) {
        char change[32];
        std::snprintf(change, sizeof change, "%+.0f ms", *is.wallMs - *was.wallMs);
        rows.push_back({"scan time", milliseconds(*was.wallMs), milliseconds(*is.wallMs), change});
    }
    if (was.peakResidentBytes && is.peakResidentBytes) {
        rows.push_back(sizeRow("peak memory", *was.peakResidentBytes, *is.peakResidentBytes));
    }
    return rows;
}

// "lucide-react: 1,542 modules, 1.2 MB" per package (first-party as "(project)"), most first.
std::vector<std::string> byPackage(const std::vector<DocumentModule>& modules) {
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> counts;
    for (const auto& module : modules) {
        auto& [count, bytes] = counts[module.package.empty() ? "(project)" : module.package];
        ++count;
        bytes += module.bytes;
    }
    std::vector<std::pair<std::string, std::pair<std::uint64_t, std::uint64_t>>> sorted(
        counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    std::vector<std::string> lines;
    lines.reserve(sorted.size());
    for (const auto& [package, figures] : sorted) {
        lines.push_back(package + ": " + moduleCount(figures.first) + ", " +
                        formatSize(figures.second));
    }
    return lines;
}

// One line per entry.
template <typename Entry, typename Line>
std::vector<std::string> linesOf(const std::vector<Entry>& entries, Line line) {
    std::vector<std::string> lines;
    lines.reserve(entries.size());
    for (const auto& entry : entries) {
        lines.push_back(line(entry));
    }
    return lines;
}

std::string packageLine(const Writer& writer, const DocumentPackage& package) {
    return package.name + " " + package.version + " (" + writer.code(package.root) + "), " +
           moduleCount(package.modules) + ", " + formatSize(package.bytes);
}

std::string reachLine(const Writer& writer, const ReachChange& change) {
    const auto where = writer.code(change.path) + " [" + change.env + "]";
    if (!change.before) {
        return where + ": now a hotspot, reaching " + moduleCount(change.after->reachModules) +
               " (" + formatSize(change.after->reachBytes) + ")";
    }
    if (!change.after) {
        return where + ": no longer a hotspot (reached " +
               moduleCount(change.before->reachModules) + ", " +
               formatSize(change.before->reachBytes) + ")";
    }
    return where + ": " + std::to_string(change.before->reachModules) + " → " +
           moduleCount(change.after->reachModules) + " (" + signedCount(change.moduleDelta()) +
           ", " + signedSize(change.byteDelta()) + ")";
}

// `paths`: the items are paths, set as code in Markdown.
void listChange(Writer& writer, const std::string& what, const ListChange& change,
                bool paths = true, const char* added = "added", const char* removed = "removed") {
    const auto asCode = [&](const std::string& item) { return paths ? writer.code(item) : item; };
    const auto section = [&](const char* how, const std::vector<std::string>& items) {
        writer.section(what + " " + how + " (" + std::to_string(items.size()) + ")",
                       linesOf(items, asCode));
    };
    section(added, change.added);
    section(removed, change.removed);
    section("changed", change.changed);
}

std::uint64_t bytesOf(const std::vector<DocumentModule>& modules) {
    std::uint64_t bytes = 0;
    for (const auto& module : modules) {
        bytes += module.bytes;
    }
    return bytes;
}

void moduleSections(Writer& writer, const char* what, const std::vector<DocumentModule>& modules) {
    const auto heading = std::string("Modules ") + what + " (" + std::to_string(modules.size()) +
                         ", " + formatSize(bytesOf(modules)) + ")";
    writer.section(heading + " by package", byPackage(modules));
    writer.section(heading, linesOf(modules, [&](const DocumentModule& module) {
                       return writer.code(module.path) + " [" + module.env + "]";
                   }));
}

} // namespace

void writeDiffReport(std::ostream& out, const ScanDiff& diff, DiffFormat format,
                     std::size_t limit) {
    Writer writer(out, format, limit);
    writer.title(diff);
    writer.totals(totalRows(diff));
    if (diff.empty()) {
        out << "\nNo module, package, hotspot, directive or duplicate changed.\n";
        return;
    }
    moduleSections(writer, "removed", diff.modulesRemoved);
    moduleSections(writer, "added", diff.modulesAdded);
    const auto reach = linesOf(
        diff.reachChanged, [&](const ReachChange& change) { return reachLine(writer, change); });
    writer.section("Reach changed, largest first (" + std::to_string(reach.size()) + ")", reach);
    const auto packages = [&](const std::vector<DocumentPackage>& list) {
        return linesOf(
            list, [&](const DocumentPackage& package) { return packageLine(writer, package); });
    };
    writer.section("Packages added (" + std::to_string(diff.packagesAdded.size()) + ")",
                   packages(diff.packagesAdded));
    writer.section("Packages removed (" + std::to_string(diff.packagesRemoved.size()) + ")",
                   packages(diff.packagesRemoved));
    std::vector<std::string> changed;
    for (const auto& change : diff.packagesChanged) {
        const auto versions = change.before.version == change.after.version
                                  ? change.after.version
                                  : change.before.version + " → " + change.after.version;
        changed.push_back(change.after.name + " " + versions + " (" +
                          writer.code(change.after.root) +
                          "): " + std::to_string(change.before.modules) + " → " +
                          moduleCount(change.after.modules) + ", " +
                          signedSize(static_cast<std::int64_t>(change.after.bytes) -
                                     static_cast<std::int64_t>(change.before.bytes)));
    }
    writer.section("Packages changed (" + std::to_string(changed.size()) + ")", changed);
    listChange(writer, "\"use client\" modules", diff.client);
    listChange(writer, "\"use server\" modules", diff.server);
    listChange(writer, "Client boundaries", diff.clientBoundaries);
    listChange(writer, "Server actions", diff.serverActions);
    listChange(writer, "Files reached under several paths", diff.duplicatePaths, true, "appeared",
               "gone");
    listChange(writer, "Packages installed more than once", diff.duplicatePackages, false,
               "appeared", "gone");
}

} // namespace fanout

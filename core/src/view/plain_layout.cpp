// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/view/plain_layout.h"

#include <charconv>
#include <map>
#include <sstream>

namespace fanout {
namespace {

// Splits one line of -Tplain output into words; a double-quoted word keeps its spaces.
std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') {
            ++i;
        }
        if (i >= line.size()) {
            break;
        }
        const auto start = i;
        if (line[i] == '"') {
            ++i;
            while (i < line.size() && line[i] != '"') {
                i += line[i] == '\\' ? 2 : 1;
            }
            ++i;
        } else {
            while (i < line.size() && line[i] != ' ') {
                ++i;
            }
        }
        out.push_back(line.substr(start, std::min(i, line.size()) - start));
    }
    return out;
}

bool number(std::string_view word, double& out) {
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), out);
    return error == std::errc() && end == word.data() + word.size();
}

bool nodeIndex(std::string_view word, std::size_t count, std::uint32_t& out) {
    if (word.size() < 2 || word[0] != 'n') {
        return false;
    }
    const auto [end, error] = std::from_chars(word.data() + 1, word.data() + word.size(), out);
    return error == std::errc() && end == word.data() + word.size() && out < count;
}

} // namespace

std::string layoutDot(const LayoutRequest& request) {
    std::ostringstream out;
    out << "digraph fanout {\n";
    if (request.engine == LayoutEngine::Sfdp) {
        // Overlap removal (prism) quadruples sfdp's time; points may touch on a map.
        out << "  graph [overlap=true, splines=false, outputorder=edgesfirst];\n"
               "  node [shape=point, fixedsize=true, label=\"\"];\n";
    } else {
        out << "  graph [rankdir=" << (request.leftToRight ? "LR" : "TB")
            << ", nodesep=0.25, ranksep=0.6];\n  node [shape=box, fixedsize=true, label=\"\"];\n";
    }
    for (std::size_t i = 0; i < request.sizes.size(); ++i) {
        out << "  n" << i << " [width=" << request.sizes[i].first
            << ", height=" << request.sizes[i].second << "];\n";
    }
    for (const auto& [from, to] : request.edges) {
        out << "  n" << from << " -> n" << to << ";\n";
    }
    out << "}\n";
    return out.str();
}

std::vector<std::string> layoutArguments(const LayoutRequest& request) {
    if (request.engine == LayoutEngine::Sfdp) {
        return {"-Ksfdp", "-Tplain"};
    }
    return {"-Tplain"};
}

std::optional<Layout> parsePlainLayout(std::string_view text, const LayoutRequest& request,
                                       std::string& error) {
    Layout layout;
    const auto count = request.sizes.size();
    layout.centers.resize(count);
    std::vector<bool> placed(count, false);
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> edgeSlots;
    if (request.edgePaths) {
        layout.edges.resize(request.edges.size());
        for (std::size_t i = 0; i < request.edges.size(); ++i) {
            edgeSlots[request.edges[i]].push_back(i);
        }
    }
    bool sawGraph = false;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const auto line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++lineNumber;
        const auto w = words(line);
        if (w.empty()) {
            continue;
        }
        const auto fail = [&](const std::string& what) {
            error = "line " + std::to_string(lineNumber) + " of the layout: " + what;
            return std::nullopt;
        };
        if (w[0] == "graph") {
            double scale = 0;
            if (w.size() < 4 || !number(w[1], scale) || !number(w[2], layout.width) ||
                !number(w[3], layout.height)) {
                return fail("a malformed graph line");
            }
            sawGraph = true;
        } else if (w[0] == "node") {
            std::uint32_t index = 0;
            if (w.size() < 4 || !nodeIndex(w[1], count, index) ||
                !number(w[2], layout.centers[index].x) || !number(w[3], layout.centers[index].y)) {
                return fail("a malformed node line");
            }
            placed[index] = true;
        } else if (w[0] == "edge" && request.edgePaths) {
            std::uint32_t from = 0;
            std::uint32_t to = 0;
            double points = 0;
            if (w.size() < 4 || !nodeIndex(w[1], count, from) || !nodeIndex(w[2], count, to) ||
                !number(w[3], points) || w.size() < 4 + 2 * static_cast<std::size_t>(points)) {
                return fail("a malformed edge line");
            }
            std::vector<LayoutPoint> path(static_cast<std::size_t>(points));
            for (std::size_t i = 0; i < path.size(); ++i) {
                if (!number(w[4 + 2 * i], path[i].x) || !number(w[5 + 2 * i], path[i].y)) {
                    return fail("a malformed edge point");
                }
            }
            auto slots = edgeSlots.find({from, to});
            if (slots != edgeSlots.end() && !slots->second.empty()) {
                layout.edges[slots->second.back()] = std::move(path);
                slots->second.pop_back();
            }
        } else if (w[0] == "stop") {
            break;
        }
    }
    if (!sawGraph) {
        error = "the layout has no graph line";
        return std::nullopt;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (!placed[i]) {
            error = "the layout does not place node n" + std::to_string(i);
            return std::nullopt;
        }
    }
    return layout;
}

} // namespace fanout

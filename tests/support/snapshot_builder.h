// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fanout::testing {

// Writes small heap snapshots in V8's layout (node fields type, name, id, self_size, edge_count,
// trace_node_id, detachedness; edge fields type, name_or_index, to_node) for tests.
class SnapshotBuilder {
public:
    // Node 0 (the root) must be added first. Returns the node's number. `id`: V8's object id
    // (0: 1, 3, 5, ... by position).
    std::uint32_t node(const std::string& type, const std::string& name, std::uint64_t selfSize,
                       std::uint64_t id = 0) {
        m_nodes.push_back({type, intern(name), selfSize, {}, id});
        return static_cast<std::uint32_t>(m_nodes.size() - 1);
    }
    // A named edge (property, context, internal, shortcut, weak) or, for element and hidden
    // edges, one with an index.
    void edge(std::uint32_t from, std::uint32_t to, const std::string& type,
              const std::string& name) {
        const bool indexed = type == "element" || type == "hidden";
        m_nodes[from].edges.push_back({type, indexed ? std::stoul(name) : intern(name), to});
    }
    std::string json() const {
        nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
        nlohmann::ordered_json edges = nlohmann::ordered_json::array();
        std::uint64_t id = 1;
        for (const auto& n : m_nodes) {
            for (const auto value :
                 {index(kNodeTypes, n.type), std::uint64_t{n.name}, n.id != 0 ? n.id : id,
                  n.selfSize, std::uint64_t{n.edges.size()}, std::uint64_t{0}, std::uint64_t{0}}) {
                nodes.push_back(value);
            }
            id += 2;
            for (const auto& e : n.edges) {
                edges.push_back(index(kEdgeTypes, e.type));
                edges.push_back(e.name);
                edges.push_back(std::uint64_t{e.to} * 7);
            }
        }
        const nlohmann::ordered_json meta = {
            {"node_fields",
             {"type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"}},
            {"node_types", {kNodeTypes, "string", "number", "number", "number", "number"}},
            {"edge_fields", {"type", "name_or_index", "to_node"}},
            {"edge_types", {kEdgeTypes, "string_or_number", "node"}}};
        return nlohmann::ordered_json{
            {"snapshot",
             {{"meta", meta}, {"node_count", m_nodes.size()}, {"edge_count", edges.size() / 3}}},
            {"nodes", nodes},
            {"edges", edges},
            {"strings", m_strings}}
            .dump();
    }

private:
    struct Edge {
        std::string type;
        std::uint64_t name;
        std::uint32_t to;
    };
    struct Node {
        std::string type;
        std::uint64_t name;
        std::uint64_t selfSize;
        std::vector<Edge> edges;
        std::uint64_t id;
    };
    inline static const std::vector<std::string> kNodeTypes{"hidden",
                                                            "array",
                                                            "string",
                                                            "object",
                                                            "code",
                                                            "closure",
                                                            "regexp",
                                                            "number",
                                                            "native",
                                                            "synthetic",
                                                            "concatenated string",
                                                            "sliced string",
                                                            "symbol",
                                                            "bigint",
                                                            "object shape"};
    inline static const std::vector<std::string> kEdgeTypes{
        "context", "element", "property", "internal", "hidden", "shortcut", "weak"};

    static std::uint64_t index(const std::vector<std::string>& names, const std::string& name) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i] == name) {
                return i;
            }
        }
        throw std::invalid_argument("unknown type " + name);
    }
    std::uint64_t intern(const std::string& text) {
        for (std::size_t i = 0; i < m_strings.size(); ++i) {
            if (m_strings[i] == text) {
                return i;
            }
        }
        m_strings.push_back(text);
        return m_strings.size() - 1;
    }

    std::vector<Node> m_nodes;
    std::vector<std::string> m_strings;
};

// A snapshot of `count` small objects held by the root: large enough (7 values per object) for
// the reader's progress and cancellation.
inline std::string snapshotOfManyObjects(int count) {
    SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    for (int i = 0; i < count; ++i) {
        b.edge(root, b.node("object", "O", 16), "element", std::to_string(i));
    }
    return b.json();
}

} // namespace fanout::testing

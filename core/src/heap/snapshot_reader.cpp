// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_snapshot.h"

#include <rapidjson/error/en.h>
#include <rapidjson/filereadstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace fanout {

namespace {

bool indexedEdgeType(std::string_view type) {
    return type == "element" || type == "hidden";
}

// Where a value sits in the snapshot's JSON: the parts read, and Skip for everything else
// (trace_function_infos, trace_tree, samples, locations, unknown keys).
enum class Place : std::uint8_t {
    Top,
    Snapshot,
    Meta,
    NodeFields,
    NodeTypes, // the outer array: its first element lists the type names
    NodeTypeNames,
    EdgeFields,
    EdgeTypes,
    EdgeTypeNames,
    Nodes,
    Edges,
    Strings,
    Skip,
};

struct Level {
    Place place;
    std::size_t elements = 0; // values and containers seen so far in this array or object
};

// Where each field Fanout reads sits among a node's or an edge's values, as the snapshot's meta
// lists them (any order, other fields between).
struct Layout {
    std::size_t nodeFields = 0;
    std::size_t type = 0, name = 0, id = 0, self = 0, count = 0;
    std::size_t edgeFields = 0;
    std::size_t edgeType = 0, edgeName = 0, toNode = 0;
};

std::optional<std::size_t> position(const std::vector<std::string>& fields, std::string_view f) {
    const auto it = std::find(fields.begin(), fields.end(), f);
    if (it == fields.end()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - fields.begin());
}

// Deeper nesting is refused: V8 writes four levels, and the parser recurses once per level.
constexpr std::size_t kMaxDepth = 256;

class SnapshotHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, SnapshotHandler> {
public:
    // `sizeHint`: the input's size; `tell`: how much of it was read; `progress`: told now and
    // then, may stop the read.
    SnapshotHandler(HeapSnapshot& out, std::uint64_t sizeHint, std::function<std::size_t()> tell,
                    const HeapReadProgress& progress)
        : m_out(out), m_sizeHint(sizeHint), m_tell(std::move(tell)), m_progress(progress) {
        m_out.offsets.push_back(0);
    }

    const std::string& problem() const { return m_problem; }
    bool cancelled() const { return m_cancelled; }

    bool StartObject() { return open(false); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(true); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char* text, rapidjson::SizeType length, bool) {
        m_key.assign(text, length);
        return true;
    }
    bool Uint(unsigned value) { return number(value); }
    bool Uint64(std::uint64_t value) { return number(value); }
    bool Int(int value) { return Int64(value); }
    bool Int64(std::int64_t value) {
        if (value >= 0) {
            return number(static_cast<std::uint64_t>(value));
        }
        // Elsewhere (a trace's unknown line, -1) a negative number is read past.
        return inArrayOfNumbers() ? fail("a negative number among nodes or edges") : skipValue();
    }
    bool Double(double value) {
        // V8 writes integers; a whole number in exponent form is still one.
        constexpr double kPastUint64 = 18446744073709551616.0;
        if (!(value >= 0 && value < kPastUint64) || value != std::floor(value)) {
            return inArrayOfNumbers() ? fail("a number that is not a whole number") : skipValue();
        }
        return number(static_cast<std::uint64_t>(value));
    }
    bool String(const char* text, rapidjson::SizeType length, bool) {
        if (m_levels.empty()) {
            return true; // a document that is one string: no meta, said at the end
        }
        countElement();
        if (!tick()) {
            return false;
        }
        switch (m_levels.back().place) {
        case Place::Strings:
            m_out.text.append(text, length);
            m_out.offsets.push_back(m_out.text.size());
            return true;
        case Place::NodeFields:
            m_nodeFields.emplace_back(text, length);
            return true;
        case Place::EdgeFields:
            m_edgeFields.emplace_back(text, length);
            return true;
        case Place::NodeTypeNames:
            m_out.nodeTypes.emplace_back(text, length);
            return true;
        case Place::EdgeTypeNames:
            m_out.edgeTypes.emplace_back(text, length);
            return true;
        case Place::Nodes:
        case Place::Edges:
            return fail("a string among the numbers of nodes or edges");
        default:
            return true;
        }
    }
    bool Default() { // null, true, false
        countElement();
        return !inArrayOfNumbers() || fail("a value that is not a number among nodes or edges");
    }

    // After the document: every node's edges accounted for, every index in range.
    void finish() {
        if (!m_layout) {
            throw HeapSnapshotError("no snapshot.meta with node_fields and edge_fields");
        }
        if (m_nodeField != 0) {
            throw HeapSnapshotError("the nodes array ends inside a node");
        }
        if (m_edgeField != 0) {
            throw HeapSnapshotError("the edges array ends inside an edge");
        }
        const auto nodes = m_out.nodeType.size();
        if (nodes == 0) {
            throw HeapSnapshotError("the snapshot has no nodes");
        }
        if (m_edgeTotal != m_out.edgeType.size()) {
            throw HeapSnapshotError("the nodes announce " + std::to_string(m_edgeTotal) +
                                    " edges; the edges array holds " +
                                    std::to_string(m_out.edgeType.size()));
        }
        const auto strings = m_out.stringCount();
        std::vector<bool> indexed; // by edge type: names an index rather than a string
        for (const auto& type : m_out.edgeTypes) {
            indexed.push_back(indexedEdgeType(type));
        }
        for (std::size_t n = 0; n < nodes; ++n) {
            if (m_out.nodeType[n] >= m_out.nodeTypes.size()) {
                throw HeapSnapshotError("node " + std::to_string(n) + " has an unknown type");
            }
            if (m_out.nodeName[n] >= strings) {
                throw HeapSnapshotError("node " + std::to_string(n) +
                                        "'s name is past the strings");
            }
        }
        for (std::uint32_t e = 0; e < m_out.edgeType.size(); ++e) {
            if (m_out.edgeType[e] >= m_out.edgeTypes.size()) {
                throw HeapSnapshotError("edge " + std::to_string(e) + " has an unknown type");
            }
            if (m_out.edgeTarget[e] >= nodes) {
                throw HeapSnapshotError("edge " + std::to_string(e) + " leads past the last node");
            }
            if (!indexed[m_out.edgeType[e]] && m_out.edgeName[e] >= strings) {
                throw HeapSnapshotError("edge " + std::to_string(e) +
                                        "'s name is past the strings");
            }
        }
    }

private:
    bool fail(std::string problem) {
        m_problem = std::move(problem);
        return false;
    }

    bool inArrayOfNumbers() const {
        return !m_levels.empty() &&
               (m_levels.back().place == Place::Nodes || m_levels.back().place == Place::Edges);
    }

    bool skipValue() {
        countElement();
        return true;
    }

    void countElement() {
        if (!m_levels.empty()) {
            ++m_levels.back().elements;
        }
    }

    // Every 2^20 values: the progress told, and asked whether to go on.
    bool tick() {
        if ((++m_values & ((1U << 20) - 1)) != 0 || !m_progress) {
            return true;
        }
        if (m_progress(m_tell(), m_sizeHint)) {
            return true;
        }
        m_cancelled = true;
        return fail("cancelled");
    }

    // The place of a container opened at the current level (`m_key` names it in an object).
    Place childPlace(bool array) const {
        if (m_levels.empty()) {
            return array ? Place::Skip : Place::Top;
        }
        const auto& parent = m_levels.back();
        switch (parent.place) {
        case Place::Top:
            if (m_key == "snapshot" && !array) {
                return Place::Snapshot;
            }
            if (array && m_key == "nodes") {
                return Place::Nodes;
            }
            if (array && m_key == "edges") {
                return Place::Edges;
            }
            if (array && m_key == "strings") {
                return Place::Strings;
            }
            return Place::Skip;
        case Place::Snapshot:
            return m_key == "meta" && !array ? Place::Meta : Place::Skip;
        case Place::Meta:
            if (!array) {
                return Place::Skip;
            }
            if (m_key == "node_fields") {
                return Place::NodeFields;
            }
            if (m_key == "node_types") {
                return Place::NodeTypes;
            }
            if (m_key == "edge_fields") {
                return Place::EdgeFields;
            }
            return m_key == "edge_types" ? Place::EdgeTypes : Place::Skip;
        case Place::NodeTypes:
            return array && parent.elements == 0 ? Place::NodeTypeNames : Place::Skip;
        case Place::EdgeTypes:
            return array && parent.elements == 0 ? Place::EdgeTypeNames : Place::Skip;
        default:
            return Place::Skip;
        }
    }

    bool open(bool array) {
        if (inArrayOfNumbers()) {
            return fail("a nested array or object among the numbers of nodes or edges");
        }
        if (m_levels.size() >= kMaxDepth) {
            return fail("arrays or objects nested more than " + std::to_string(kMaxDepth) +
                        " deep");
        }
        const auto place = childPlace(array);
        countElement();
        if ((place == Place::Nodes || place == Place::Edges) && !prepare()) {
            return false;
        }
        if (place == Place::Strings) {
            // The strings unescaped take no more than what is left of the input: reserved at
            // once, the text is never copied by growing (which held it twice, briefly thrice).
            const auto read = m_tell();
            m_out.text.reserve(m_sizeHint > read ? m_sizeHint - read : 0);
        }
        m_levels.push_back({place});
        m_place = place;
        return true;
    }

    bool close() {
        m_levels.pop_back();
        m_place = m_levels.empty() ? Place::Skip : m_levels.back().place;
        return true;
    }

    // Before the first node or edge: the meta must have said how they are laid out.
    bool prepare() {
        if (m_layout) {
            return true;
        }
        const auto type = position(m_nodeFields, "type");
        const auto name = position(m_nodeFields, "name");
        const auto id = position(m_nodeFields, "id");
        const auto self = position(m_nodeFields, "self_size");
        const auto count = position(m_nodeFields, "edge_count");
        const auto edgeType = position(m_edgeFields, "type");
        const auto edgeName = position(m_edgeFields, "name_or_index");
        const auto toNode = position(m_edgeFields, "to_node");
        if (!type || !name || !id || !self || !count || !edgeType || !edgeName || !toNode) {
            return fail("snapshot.meta must come first and list the node fields type, name, id, "
                        "self_size, edge_count and the edge fields type, name_or_index, to_node");
        }
        if (m_out.nodeTypes.empty() || m_out.edgeTypes.empty()) {
            return fail("snapshot.meta lists no node or edge type names");
        }
        if (m_out.nodeTypes.size() > 256 || m_out.edgeTypes.size() > 256) {
            return fail("snapshot.meta lists more than 256 node or edge types");
        }
        const Layout l{m_nodeFields.size(), *type,     *name,     *id,    *self, *count,
                       m_edgeFields.size(), *edgeType, *edgeName, *toNode};
        m_layout = l;
        m_nodeValues.assign(l.nodeFields, 0);
        m_edgeValues.assign(l.edgeFields, 0);
        // The counts snapshot.node_count and edge_count announce, trusted only as far as the
        // file's size allows (a value takes at least two bytes).
        const auto nodes = std::min(m_declaredNodes, m_sizeHint / (2 * l.nodeFields));
        const auto edges = std::min(m_declaredEdges, m_sizeHint / (2 * l.edgeFields));
        m_out.nodeType.reserve(nodes);
        m_out.nodeName.reserve(nodes);
        m_out.nodeId.reserve(nodes);
        m_out.selfSize.reserve(nodes);
        m_out.edgesBegin.reserve(nodes + 1);
        // edgesBegin[n] is where node n's edges start: 0, then the running total after each node.
        m_out.edgesBegin.push_back(0);
        m_out.edgeType.reserve(edges);
        m_out.edgeName.reserve(edges);
        m_out.edgeTarget.reserve(edges);
        return true;
    }

    bool number(std::uint64_t value) {
        // The nodes and edges arrays first: nearly every value of a snapshot is in them, and
        // their elements need no counting.
        if (m_place == Place::Nodes) {
            return tick() && nodeValue(value);
        }
        if (m_place == Place::Edges) {
            return tick() && edgeValue(value);
        }
        countElement();
        if (!tick()) {
            return false;
        }
        const auto place = m_place;
        if (place == Place::Snapshot && m_key == "node_count") {
            m_declaredNodes = value;
        } else if (place == Place::Snapshot && m_key == "edge_count") {
            m_declaredEdges = value;
        }
        return true;
    }

    static bool fits32(std::uint64_t value) {
        return value <= std::numeric_limits<std::uint32_t>::max();
    }

    // A node's values are kept until its last one, then checked and put in the columns.
    bool nodeValue(std::uint64_t value) {
        m_nodeValues[m_nodeField] = value;
        if (++m_nodeField < m_nodeValues.size()) {
            return true;
        }
        m_nodeField = 0;
        const auto& l = *m_layout;
        const auto type = m_nodeValues[l.type];
        const auto name = m_nodeValues[l.name];
        const auto id = m_nodeValues[l.id];
        if (type > 255) {
            return fail("a node type past the type names");
        }
        if (!fits32(name)) {
            return fail("a node name past the strings");
        }
        if (!fits32(id)) { // 32 bits, as DevTools keeps them
            return fail("a node id past 4,294,967,295");
        }
        m_edgeTotal += m_nodeValues[l.count];
        if (!fits32(m_edgeTotal)) {
            return fail("more than 4,294,967,295 edges");
        }
        m_out.nodeType.push_back(static_cast<std::uint8_t>(type));
        m_out.nodeName.push_back(static_cast<std::uint32_t>(name));
        m_out.nodeId.push_back(static_cast<std::uint32_t>(id));
        m_out.selfSize.push_back(m_nodeValues[l.self]);
        m_out.edgesBegin.push_back(static_cast<std::uint32_t>(m_edgeTotal)); // the running total
        return true;
    }

    bool edgeValue(std::uint64_t value) {
        m_edgeValues[m_edgeField] = value;
        if (++m_edgeField < m_edgeValues.size()) {
            return true;
        }
        m_edgeField = 0;
        const auto& l = *m_layout;
        const auto type = m_edgeValues[l.edgeType];
        const auto name = m_edgeValues[l.edgeName];
        // to_node is the position of the node's first field in the nodes array.
        const auto to = m_edgeValues[l.toNode];
        if (type > 255) {
            return fail("an edge type past the type names");
        }
        if (!fits32(name)) {
            return fail("an edge name or index past 4,294,967,295");
        }
        if (to % l.nodeFields != 0 || !fits32(to / l.nodeFields)) {
            return fail("an edge leads inside a node rather than to its first field");
        }
        m_out.edgeType.push_back(static_cast<std::uint8_t>(type));
        m_out.edgeName.push_back(static_cast<std::uint32_t>(name));
        m_out.edgeTarget.push_back(static_cast<std::uint32_t>(to / l.nodeFields));
        return true;
    }

    HeapSnapshot& m_out;
    std::uint64_t m_sizeHint;
    std::function<std::size_t()> m_tell;
    const HeapReadProgress& m_progress;
    std::uint64_t m_values = 0;
    bool m_cancelled = false;
    std::vector<Level> m_levels;
    Place m_place = Place::Skip; // the innermost level's place (Skip outside the document)
    std::string m_key;
    std::vector<std::string> m_nodeFields;
    std::vector<std::string> m_edgeFields;
    std::optional<Layout> m_layout;
    std::size_t m_nodeField = 0; // the field the next node value is for
    std::size_t m_edgeField = 0;
    std::vector<std::uint64_t> m_nodeValues; // the current node's values so far
    std::vector<std::uint64_t> m_edgeValues;
    std::uint64_t m_edgeTotal = 0;
    std::uint64_t m_declaredNodes = 0;
    std::uint64_t m_declaredEdges = 0;
    std::string m_problem;
};

template <typename Stream>
HeapSnapshot parseStream(Stream& stream, std::uint64_t sizeHint,
                         const HeapReadProgress& progress = {}) {
    HeapSnapshot snapshot;
    SnapshotHandler handler(
        snapshot, sizeHint, [&stream] { return stream.Tell(); }, progress);
    rapidjson::Reader reader;
    // Recursive (faster than the iterative parser here); a hostile file's deep nesting cannot
    // exhaust the stack, as the handler refuses to open more than kMaxDepth levels.
    const auto result = reader.Parse<rapidjson::kParseStopWhenDoneFlag>(stream, handler);
    if (handler.cancelled()) {
        throw HeapReadCancelled();
    }
    if (result.IsError()) {
        const std::string reason = handler.problem().empty()
                                       ? rapidjson::GetParseError_En(result.Code())
                                       : handler.problem();
        throw HeapSnapshotError("at byte " + std::to_string(result.Offset()) + ": " + reason);
    }
    handler.finish();
    return snapshot;
}

} // namespace

bool HeapSnapshot::edgeHasIndex(std::uint32_t edge) const {
    return indexedEdgeType(edgeTypeName(edge));
}

HeapSnapshot parseHeapSnapshot(std::string_view json) {
    rapidjson::MemoryStream stream(json.data(), json.size());
    return parseStream(stream, json.size());
}

HeapSnapshot readHeapSnapshot(const std::string& path, const HeapReadProgress& progress) {
    // Opened without blocking and checked first: a folder, a FIFO (whose open would wait for a
    // writer) or a device is refused rather than read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        throw HeapSnapshotError(path + ": " + std::strerror(errno));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw HeapSnapshotError(path + ": not a regular file");
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(::fdopen(fd, "rb"), &std::fclose);
    if (!file) {
        ::close(fd);
        throw HeapSnapshotError(path + ": " + std::strerror(errno));
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    std::array<char, 1 << 16> buffer{};
    rapidjson::FileReadStream stream(file.get(), buffer.data(), buffer.size());
    try {
        return parseStream(stream, size, progress);
    } catch (const HeapSnapshotError& error) {
        throw HeapSnapshotError(path + ": " + error.what());
    }
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// A V8 heap snapshot (`.heapsnapshot`: Node's v8.writeHeapSnapshot(), --heapsnapshot-signal,
// --heapsnapshot-near-heap-limit; Chrome DevTools' Memory panel) in columns: one entry per node
// and per edge, the strings once. Nodes are numbered in the file's order (node 0 is the root);
// a node's edges are edgesBegin[n] .. edgesBegin[n + 1].
struct HeapSnapshot {
    std::vector<std::string> nodeTypes; // "hidden", "array", "string", "object", "closure", ...
    std::vector<std::string> edgeTypes; // "context", "element", "property", ..., "weak"

    std::vector<std::uint8_t> nodeType;    // index into nodeTypes
    std::vector<std::uint32_t> nodeName;   // index into the strings
    std::vector<std::uint32_t> nodeId;     // V8's object id (stable across snapshots of a process)
    std::vector<std::uint64_t> selfSize;   // bytes
    std::vector<std::uint32_t> edgesBegin; // nodes + 1 entries

    std::vector<std::uint8_t> edgeType;    // index into edgeTypes
    std::vector<std::uint32_t> edgeName;   // a string index, or the element's index
    std::vector<std::uint32_t> edgeTarget; // the node the edge leads to

    // The strings, unescaped, one after another; string i is text[offsets[i] .. offsets[i + 1]).
    std::string text;
    std::vector<std::uint64_t> offsets;

    std::size_t nodeCount() const { return nodeType.size(); }
    std::size_t edgeCount() const { return edgeType.size(); }
    std::size_t stringCount() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::string_view string(std::uint32_t index) const {
        return std::string_view(text).substr(offsets[index], offsets[index + 1] - offsets[index]);
    }
    std::string_view nodeTypeName(std::uint32_t node) const { return nodeTypes[nodeType[node]]; }
    std::string_view edgeTypeName(std::uint32_t edge) const { return edgeTypes[edgeType[edge]]; }
    // Element and hidden edges carry an index rather than a name.
    bool edgeHasIndex(std::uint32_t edge) const;
};

// What is wrong with a file that is not a heap snapshot Fanout can read: the byte offset and the
// reason ("truncated", "an edge leads to node 12, past the last", ...).
class HeapSnapshotError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Thrown when the progress callback stopped a read.
class HeapReadCancelled : public std::exception {
public:
    const char* what() const noexcept override { return "reading the heap snapshot was cancelled"; }
};

// Told now and then while a snapshot is read (every million values or so): the bytes read and
// the file's size. Returning false stops the read (HeapReadCancelled).
using HeapReadProgress = std::function<bool(std::uint64_t read, std::uint64_t total)>;

// Reads a snapshot as a stream (the file is never held whole in memory; each string is copied
// once, into HeapSnapshot::text). Throws HeapSnapshotError for a file it cannot read, a JSON
// error, a field layout without the fields it needs, or numbers that do not fit together.
HeapSnapshot readHeapSnapshot(const std::string& path, const HeapReadProgress& progress = {});
// The same from text in memory (tests, fuzzing).
HeapSnapshot parseHeapSnapshot(std::string_view json);

} // namespace fanout

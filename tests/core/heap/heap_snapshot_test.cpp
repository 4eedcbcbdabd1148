// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/heap/heap_snapshot.h"
#include "snapshot_builder.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace fanout {
namespace {

using testing::SnapshotBuilder;

std::string small() {
    SnapshotBuilder b;
    const auto root = b.node("synthetic", "", 0);
    const auto text = b.node("string", "line\nwith \"quotes\" and \\u00e9: \xc3\xa9", 24);
    b.edge(root, text, "property", "s");
    return b.json();
}

TEST(HeapSnapshotReader, ReadsColumnsAndUnescapedStringsFromAFile) {
    testing::TempDir dir;
    const auto file = dir.path() / "small.heapsnapshot";
    std::ofstream(file) << small();
    const auto snapshot = readHeapSnapshot(file.string());
    ASSERT_EQ(snapshot.nodeCount(), 2u);
    ASSERT_EQ(snapshot.edgeCount(), 1u);
    EXPECT_EQ(snapshot.nodeTypeName(1), "string");
    EXPECT_EQ(snapshot.string(snapshot.nodeName[1]), "line\nwith \"quotes\" and \\u00e9: \xc3\xa9");
    EXPECT_EQ(snapshot.selfSize[1], 24u);
    EXPECT_EQ(snapshot.nodeId[1], 3u);
    EXPECT_EQ(snapshot.edgeTarget[0], 1u);
    EXPECT_EQ(snapshot.edgeTypeName(0), "property");
    EXPECT_EQ(snapshot.string(snapshot.edgeName[0]), "s");
    EXPECT_EQ(snapshot.edgesBegin, (std::vector<std::uint32_t>{0, 1, 1}));
}

// A snapshot with many values: progress is told as the file is read, and can stop it.
TEST(HeapSnapshotReader, TellsItsProgressAndStopsWhenAsked) {
    testing::TempDir dir;
    const auto file = dir.path() / "many.heapsnapshot";
    std::ofstream(file) << testing::snapshotOfManyObjects(300000);
    const auto size = std::filesystem::file_size(file);
    std::vector<std::uint64_t> told;
    const auto snapshot =
        readHeapSnapshot(file.string(), [&](std::uint64_t read, std::uint64_t total) {
            EXPECT_EQ(total, size);
            EXPECT_LE(read, total);
            told.push_back(read);
            return true;
        });
    EXPECT_EQ(snapshot.nodeCount(), 300001u);
    ASSERT_GE(told.size(), 2u) << "about 3.3 million values: told every 2^20";
    EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
    int calls = 0;
    EXPECT_THROW(
        readHeapSnapshot(file.string(), [&](std::uint64_t, std::uint64_t) { return ++calls < 2; }),
        HeapReadCancelled);
    EXPECT_EQ(calls, 2) << "stopped at the first 'no'";
}

// What is not read may hold anything JSON allows: negative numbers (an unknown line is -1 in
// trace_function_infos), fractions, nesting, other keys.
TEST(HeapSnapshotReader, TheArraysItSkipsMayHoldAnyJson) {
    auto text = small();
    text.insert(text.find(R"("strings")"),
                R"("trace_function_infos":[1,2,-1,-1],"samples":[0.5,{"a":[null,true]}],)"
                R"("locations":[[-3]],"future":{"x":-2},)");
    const auto snapshot = parseHeapSnapshot(text);
    EXPECT_EQ(snapshot.nodeCount(), 2u);
    EXPECT_EQ(snapshot.edgeCount(), 1u);
}

// small()'s edges: a property (type 2) named "s" (string 2) to node 1 (nodes have 7 fields).
const std::string kEdges = R"("edges":[2,2,7])";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Every broken input is an error that says what is wrong, never a crash or a wrong snapshot.
TEST(HeapSnapshotReader, BrokenInputIsAnErrorThatSaysWhy) {
    const auto good = small();
    const std::vector<std::pair<std::string, std::string>> cases{
        {good.substr(0, good.size() / 2), "at byte"},
        {"", "at byte 0"},
        {"[1,2,3]", "no snapshot.meta"},
        {std::string(1000000, '['), "nested more than 256 deep"},
        {"{\"snapshot\":" + std::string(1000000, '[') + "]", "nested more than 256 deep"},
        {replaced(good, "\"to_node\"", "\"target\""), "to_node"},
        {replaced(good, kEdges, "\"edges\":[2,2,8]"), "inside a node"},
        {replaced(good, kEdges, "\"edges\":[2,2,14]"), "past the last node"},
        {replaced(good, kEdges, "\"edges\":[2,9,7]"), "past the strings"},
        {replaced(good, kEdges, "\"edges\":[2,2]"), "inside an edge"},
        {replaced(good, kEdges, "\"edges\":[]"), "announce 1 edges"},
        {replaced(good, kEdges, "\"edges\":[2,2,-7]"), "negative"},
        {replaced(good, kEdges, "\"edges\":[2,2,[7]]"), "nested"},
        {replaced(good, kEdges, "\"edges\":[2,2,\"7\"]"), "a string among"},
        {replaced(good, kEdges, "\"edges\":[2,2,7.5]"), "whole number"},
        {replaced(good, kEdges, "\"edges\":[99,2,7]"), "unknown type"},
    };
    for (const auto& [text, expected] : cases) {
        try {
            parseHeapSnapshot(text);
            ADD_FAILURE() << "accepted: " << text.substr(0, 200);
        } catch (const HeapSnapshotError& error) {
            EXPECT_NE(std::string(error.what()).find(expected), std::string::npos)
                << error.what() << " (expected " << expected << ")";
        }
    }
    EXPECT_THROW(readHeapSnapshot("/nonexistent/x.heapsnapshot"), HeapSnapshotError);
}

// A folder or a FIFO is refused at once (opening a FIFO would wait for a writer).
TEST(HeapSnapshotReader, AFolderOrAFifoIsRefusedWithoutWaiting) {
    testing::TempDir dir;
    const auto fifo = dir.path() / "pipe.heapsnapshot";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const auto& path : {fifo, dir.path()}) {
        try {
            readHeapSnapshot(path.string());
            ADD_FAILURE() << "read " << path;
        } catch (const HeapSnapshotError& error) {
            EXPECT_NE(std::string(error.what()).find("not a regular file"), std::string::npos)
                << error.what();
        }
    }
}

} // namespace
} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
// Retained sizes against memlab's (the oracle, installed with npm at test time) on a snapshot Node
// writes of known structures: the 50 nodes memlab finds retaining most retain the same bytes here.
#include "fanout/heap/heap_analysis.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace fanout {
namespace {

const std::string kDir = FANOUT_HEAP_ORACLE_DIR;

TEST(HeapOracle, TheFiftyLargestRetainedSizesEqualMemlabs) {
    if (!std::filesystem::exists(kDir + "/memlab-top.json")) {
        std::ifstream why(kDir + "/unavailable.txt");
        std::stringstream text;
        text << why.rdbuf();
        GTEST_SKIP() << "memlab or the snapshot is missing (" << text.str() << ")";
    }
    std::ifstream in(kDir + "/memlab-top.json");
    const auto memlab = nlohmann::json::parse(in);
    ASSERT_EQ(memlab.size(), 50u);
    const auto snapshot = readHeapSnapshot(kDir + "/held.heapsnapshot");
    const auto dominators = computeDominators(snapshot);
    std::unordered_map<std::uint64_t, std::uint32_t> byId;
    for (std::uint32_t n = 0; n < snapshot.nodeCount(); ++n) {
        byId.emplace(snapshot.nodeId[n], n);
    }
    for (const auto& row : memlab) {
        const auto id = row[0].get<std::uint64_t>();
        const auto it = byId.find(id);
        ASSERT_NE(it, byId.end()) << "no node @" << id;
        EXPECT_EQ(dominators.retained[it->second], row[1].get<std::uint64_t>())
            << "@" << id << " " << heapClassName(snapshot, it->second);
    }
    // The Map of 100 strings of 10,000 bytes is among them.
    EXPECT_GE(memlab[0][1].get<std::uint64_t>(), 100u * 10000u);
}

} // namespace
} // namespace fanout

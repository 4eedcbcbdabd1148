// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/file_identity.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace fanout {
namespace {

// Bytes that differ from one position to the next, so that a swap of two words is a change.
std::string sample(std::size_t size) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>('a' + (i * 7) % 26);
    }
    return bytes;
}

TEST(ContentHash, IsTheSameForTheSameBytes) {
    const auto bytes = sample(1000);
    EXPECT_EQ(contentHash(bytes), contentHash(std::string(bytes)));
}

TEST(ContentHash, EveryByteCounts) {
    // Sizes below, at and around the four-word blocks, so that each part of the hash (the
    // lanes, the words after them, the tail) sees the changed byte.
    for (const std::size_t size : {1u, 7u, 8u, 31u, 32u, 33u, 64u, 71u, 100u}) {
        const auto bytes = sample(size);
        const auto hash = contentHash(bytes);
        for (std::size_t at = 0; at < size; ++at) {
            auto changed = bytes;
            changed[at] = static_cast<char>(changed[at] ^ 1);
            EXPECT_NE(contentHash(changed), hash) << "size " << size << ", byte " << at;
        }
    }
}

TEST(ContentHash, WordsTradedBetweenLanesOrBlocksAreAChange) {
    const auto bytes = sample(96);
    std::set<std::uint64_t> hashes{contentHash(bytes)};
    // Two words of one block (two lanes), and one word with the same lane's word of the next.
    for (const auto& [a, b] : {std::pair{0u, 8u}, std::pair{8u, 24u}, std::pair{0u, 32u}}) {
        auto swapped = bytes;
        for (std::size_t i = 0; i < 8; ++i) {
            std::swap(swapped[a + i], swapped[b + i]);
        }
        EXPECT_TRUE(hashes.insert(contentHash(swapped)).second) << a << " <-> " << b;
    }
}

TEST(ContentHash, TrailingZerosAreAChangeOfLength) {
    std::set<std::uint64_t> hashes;
    std::string bytes;
    for (int length = 0; length <= 70; ++length, bytes.push_back('\0')) {
        EXPECT_TRUE(hashes.insert(contentHash(bytes)).second) << length << " zero bytes";
    }
}

} // namespace
} // namespace fanout

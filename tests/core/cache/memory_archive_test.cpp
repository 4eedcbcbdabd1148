// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/memory_archive.h"

#include <cereal/archives/binary.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fanout::detail {
namespace {

enum class Kind : unsigned char { A, B };

struct Sample {
    std::vector<std::string> names;
    std::optional<std::string> note;
    std::map<std::string, std::uint32_t> counts;
    std::vector<std::uint64_t> numbers;
    Kind kind = Kind::A;
    double ratio = 0;
    bool flag = false;

    bool operator==(const Sample&) const = default;
    template <class Archive> void serialize(Archive& archive) {
        archive(names, note, counts, numbers, kind, ratio, flag);
    }
};

Sample sample() {
    return {{"src/index.ts", "", std::string(300, 'x')},
            "a note",
            {{"react", 3}, {"lucide-react", 2000}},
            {1, 2, std::numeric_limits<std::uint64_t>::max()},
            Kind::B,
            0.25,
            true};
}

TEST(MemoryArchive, WritesTheBytesOfCerealsBinaryArchive) {
    std::ostringstream stream;
    {
        cereal::BinaryOutputArchive archive(stream);
        auto value = sample();
        archive(value);
    }
    EXPECT_EQ(encode(sample()), stream.str());
}

TEST(MemoryArchive, ReadsBackWhatItWrote) {
    Sample back;
    decode(encode(sample()), back);
    EXPECT_EQ(back, sample());
}

// Empty strings and vectors (whose storage may be null) are written and read as counts alone.
TEST(MemoryArchive, EmptyValuesHaveNothingToCopy) {
    const Sample empty{};
    Sample back; // its vectors have no storage: read into as they are
    decode(encode(empty), back);
    EXPECT_EQ(back, empty);
}

TEST(MemoryArchive, RefusesBytesCutShort) {
    const auto bytes = encode(sample());
    for (std::size_t size = 0; size < bytes.size(); size += 7) {
        Sample back;
        EXPECT_THROW(decode(std::string_view(bytes).substr(0, size), back), cereal::Exception)
            << size << " of " << bytes.size() << " bytes";
    }
}

TEST(MemoryArchive, RefusesACountLargerThanTheBytesLeft) {
    // A vector of strings claiming 2^40 elements, in 8 bytes: refused before any is allocated.
    const auto bytes = encode(std::uint64_t{1} << 40);
    std::vector<std::string> back;
    try {
        decode(bytes, back);
        FAIL() << "decoded";
    } catch (const cereal::Exception& error) {
        EXPECT_NE(std::string(error.what()).find("more than the bytes left"), std::string::npos)
            << error.what();
    }
}

} // namespace
} // namespace fanout::detail

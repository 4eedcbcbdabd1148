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

// Paths in path order, as a scan's inputs hold them: each written as what it shares with the one
// before and the rest.
struct Paths {
    std::vector<std::string> paths;
    template <class Archive> void serialize(Archive& archive) {
        std::uint64_t count = paths.size();
        archive(count);
        paths.resize(count);
        for (auto& path : paths) {
            archive(PathText{path});
        }
    }
};

TEST(MemoryArchive, PathsAreWrittenAsWhatTheyShareWithTheOneBeforeAndTheRest) {
    const std::vector<std::string> paths = {
        "/p/node_modules/lucide-react/dist/esm/icons/a-arrow-down.js",
        "/p/node_modules/lucide-react/dist/esm/icons/a-arrow-up.js",
        "/p/node_modules/lucide-react/dist/esm/icons/a-arrow-up.js", // the same again
        "/p/node_modules/lucide-react/dist/esm/icons/a",             // a prefix of the one before
        "",
        "/q/src/index.ts",       // nothing shared
        std::string(70000, 'x'), // longer than any small count
    };
    Paths written{paths};
    const auto bytes = encode(written);
    Paths back;
    decode(bytes, back);
    EXPECT_EQ(back.paths, paths);
    std::size_t plain = 0;
    for (const auto& path : paths) {
        plain += path.size();
    }
    // Each path takes 8 bytes of counts and the bytes after its shared part: the 2nd shares 52
    // with the 1st, the 3rd all its 57, the 4th all its 45.
    EXPECT_EQ(bytes.size(), 8 + paths.size() * 8 + plain - (52 + 57 + 45));
}

TEST(MemoryArchive, RefusesAPathSharingMoreThanThePathBefore) {
    // The first path claims to share 3 bytes with a path that is not there.
    const auto bytes = encode(std::uint64_t{1}, std::uint32_t{3}, std::uint32_t{0});
    Paths back;
    EXPECT_THROW(decode(bytes, back), cereal::Exception);
    // A rest longer than the bytes left.
    const auto cut = encode(std::uint64_t{1}, std::uint32_t{0}, std::uint32_t{1000});
    EXPECT_THROW(decode(cut, back), cereal::Exception);
}

} // namespace
} // namespace fanout::detail

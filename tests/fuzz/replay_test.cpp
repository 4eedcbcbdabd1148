// SPDX-License-Identifier: GPL-3.0-or-later
// Every seed of tests/fuzz/corpus/TARGET and every input in tests/fuzz/regressions/TARGET (the
// ones that once crashed a fuzzer) run through their target in the ordinary build.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

int fanoutFuzz_extractor(const std::uint8_t* data, std::size_t size);
int fanoutFuzz_statements(const std::uint8_t* data, std::size_t size);
int fanoutFuzz_directive(const std::uint8_t* data, std::size_t size);
int fanoutFuzz_package_exports(const std::uint8_t* data, std::size_t size);
int fanoutFuzz_tsconfig(const std::uint8_t* data, std::size_t size);
int fanoutFuzz_heap_snapshot(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::size_t replay(const std::string& target,
                   const std::function<int(const std::uint8_t*, std::size_t)>& run) {
    std::size_t inputs = 0;
    for (const char* kind : {"corpus", "regressions"}) {
        const auto dir = fs::path(FANOUT_FUZZ_INPUTS) / kind / target;
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& entry : fs::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const std::string input((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            SCOPED_TRACE(entry.path().string());
            EXPECT_EQ(run(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()), 0);
            ++inputs;
        }
    }
    return inputs;
}

TEST(FuzzReplay, Extractor) {
    EXPECT_GT(replay("extractor", fanoutFuzz_extractor), 0u);
}

TEST(FuzzReplay, Statements) {
    EXPECT_GT(replay("statements", fanoutFuzz_statements), 0u);
}

TEST(FuzzReplay, Directive) {
    EXPECT_GT(replay("directive", fanoutFuzz_directive), 0u);
}

TEST(FuzzReplay, PackageExports) {
    EXPECT_GT(replay("package_exports", fanoutFuzz_package_exports), 0u);
}

TEST(FuzzReplay, Tsconfig) {
    EXPECT_GT(replay("tsconfig", fanoutFuzz_tsconfig), 0u);
}

TEST(FuzzReplay, HeapSnapshot) {
    EXPECT_GT(replay("heap_snapshot", fanoutFuzz_heap_snapshot), 0u);
}

} // namespace

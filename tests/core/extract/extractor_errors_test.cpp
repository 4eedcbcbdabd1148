// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/extract_helpers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace fanout {
namespace {

using testing::extractTs;
using testing::extractTsx;
using testing::specifiers;
using Strings = std::vector<std::string>;

TEST(ExtractorErrors, ImportsAroundADamagedRegionAreStillReported) {
    const auto x = extractTsx("import a from './before';\n"
                              "const broken = 1 + ;\n"
                              "if (x) { let y = [1, 2; }\n"
                              "import b from './after';\n"
                              "const c = require('./later');\n");
    EXPECT_GT(x.parseErrors, 0u);
    EXPECT_EQ(specifiers(x), (Strings{"./before", "./after", "./later"}));
}

TEST(ExtractorErrors, AnImportWithoutASourceIsNotReported) {
    const auto x = extractTsx("import a from ;\nimport b from './b';\n");
    EXPECT_GT(x.parseErrors, 0u);
    EXPECT_EQ(specifiers(x), (Strings{"./b"}));
}

TEST(ExtractorErrors, UnterminatedStringIsNoSpecifier) {
    const auto x = extractTsx("import ok from './ok';\nimport bad from './bad\n");
    EXPECT_GT(x.parseErrors, 0u);
    ASSERT_FALSE(x.imports.empty());
    EXPECT_EQ(x.imports.front().specifier, "./ok");
    for (const auto& record : x.imports) {
        EXPECT_NE(record.specifier.find("./"), std::string::npos);
        EXPECT_EQ(record.specifier.find('\n'), std::string::npos);
    }
}

TEST(ExtractorErrors, CleanFilesHaveNoErrors) {
    EXPECT_EQ(extractTsx("import a from 'a';\nexport default a;\n").parseErrors, 0u);
    EXPECT_EQ(extractTs("export const x: number = 1;\n").parseErrors, 0u);
    EXPECT_EQ(extractTsx("").parseErrors, 0u);
}

TEST(ExtractorErrors, BinaryAndInvalidUtf8InputDoesNotCrash) {
    std::string bytes;
    for (int i = 0; i < 4096; ++i) {
        bytes += static_cast<char>((i * 7919) % 256);
    }
    const auto x = extractTsx(bytes);
    EXPECT_GT(x.parseErrors, 0u);
    const auto y = extractTs("import a from '\xFF\xFE';\n");
    ASSERT_EQ(y.imports.size(), 1u);
    EXPECT_EQ(y.imports[0].specifier, "\xFF\xFE");
}

TEST(ExtractorErrors, ErrorsAreCountedPerDamagedRegion) {
    const auto one = extractTsx("import a from './a';\nlet = ;\n");
    const auto two = extractTsx("import a from './a';\nlet = ;\nconst x = 1;\nlet = ;\n");
    EXPECT_GE(one.parseErrors, 1u);
    EXPECT_GT(two.parseErrors, one.parseErrors);
}

} // namespace
// A cancelled scan stops a long parse instead of waiting for it.
TEST(ExtractorErrors, ASetCancellationFlagStopsTheParse) {
    Extractor extractor;
    std::string big;
    for (int i = 0; i < 20000; ++i) {
        big += "import a" + std::to_string(i) + " from './m" + std::to_string(i) + "';\n";
    }
    std::size_t flag = 0;
    extractor.setCancellationFlag(&flag);
    EXPECT_EQ(extractor.extract(big, Grammar::Tsx).imports.size(), 20000u);
    flag = 1;
    try {
        (void)extractor.extract(big, Grammar::Tsx);
        ADD_FAILURE() << "the parse was not cancelled";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "the parse was cancelled");
    }
    flag = 0; // and the extractor works again afterwards
    EXPECT_EQ(extractor.extract("import './x';", Grammar::Tsx).imports.size(), 1u);
}

// 316 bytes found by the fuzzer on which tree-sitter's error recovery ran for minutes: the parse
// is abandoned at its deadline, with a message, instead of holding up a scan.
TEST(ExtractorErrors, APathologicalFileIsAbandonedAtItsDeadline) {
    std::ifstream in(std::string(FANOUT_TEST_DATA) +
                         "/../fuzz/regressions/extractor/parse-runs-for-minutes",
                     std::ios::binary);
    const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_EQ(input.size(), 316u);
    Extractor extractor;
    try {
        (void)extractor.extract(std::string_view(input).substr(1), Grammar::Tsx);
        ADD_FAILURE() << "the parse ended: the input no longer triggers the slow recovery";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("tree-sitter gave up after 3 s"),
                  std::string::npos)
            << error.what();
    }
    EXPECT_EQ(extractor.extract("import './x';", Grammar::Tsx).imports.size(), 1u);
}

} // namespace fanout

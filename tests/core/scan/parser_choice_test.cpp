// SPDX-License-Identifier: GPL-3.0-or-later
// The import lexer is a faster way to the same result: a scan through it and a scan with
// tree-sitter alone give byte-identical reproducible JSON, and the statistics say which read what.
#include "fanout/demo/demo_project.h"
#include "scan_helpers.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

namespace fanout::testing {
namespace {

ScanOptions withParser(ParserChoice parser) {
    ScanOptions options;
    options.parser = parser;
    return options;
}

void expectSameResult(const std::string& root) {
    const auto lexed = scanProject(root, {}, withParser(ParserChoice::Lexer));
    const auto reference = scanProject(root, {}, withParser(ParserChoice::TreeSitter));
    EXPECT_EQ(scanToJson(*lexed, {.reproducible = true}),
              scanToJson(*reference, {.reproducible = true}));
    EXPECT_EQ(reference->stats.filesLexed, 0u);
    EXPECT_EQ(reference->stats.parser, ParserChoice::TreeSitter);
    EXPECT_GT(lexed->stats.filesLexed, 0u);
    EXPECT_LE(lexed->stats.filesLexed, lexed->stats.filesRead);
    EXPECT_LE(lexed->stats.bytesLexed, lexed->stats.bytesRead);
}

TEST(ParserChoice, TheLexerAndTreeSitterGiveTheSameScanOfTheDemo) {
    TempDir dir;
    writeDemoProject(dir.path() / "demo");
    expectSameResult((dir.path() / "demo").string());
}

TEST(ParserChoice, TheLexerAndTreeSitterGiveTheSameScanOfAnRwsdkApp) {
    expectSameResult(scanFixture("app"));
}

TEST(ParserChoice, FilesWithJsxAreHandedToTreeSitter) {
    TempDir dir;
    writeDemoProject(dir.path() / "demo");
    const auto result =
        scanProject((dir.path() / "demo").string(), {}, withParser(ParserChoice::Lexer));
    // The demo's app components hold JSX: they cannot all be lexed.
    EXPECT_LT(result->stats.filesLexed, result->stats.filesRead);
}

} // namespace
} // namespace fanout::testing

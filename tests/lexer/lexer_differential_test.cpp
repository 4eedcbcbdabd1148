// SPDX-License-Identifier: GPL-3.0-or-later
// The import lexer must yield exactly what tree-sitter yields wherever it does not hand a file
// off: every JS/TS file of real packages installed at test time (tests/lexer/packages), of the
// repository's fixtures and of the fuzz corpora is read both ways and compared record for record.
// The corpus size and the hand-off rate are printed. More folders can be added with
// FANOUT_LEXER_EXTRA_DIRS (colon-separated), e.g. a project's node_modules.
#include "fanout/extract/extraction_diff.h"
#include "fanout/extract/extractor.h"
#include "fanout/io/file_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fanout {
namespace {

const std::string kDir = FANOUT_LEXER_DIR;

struct Tally {
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    std::size_t lexedFiles = 0;
    std::uint64_t lexedBytes = 0;
    // Files the lexer accepted where tree-sitter reports syntax errors (its damaged regions lose
    // records the lexer keeps): counted, not compared.
    std::size_t treeSitterErrors = 0;
    std::vector<std::string> differences;
    std::vector<std::pair<std::uint64_t, std::string>> handedOff; // size, path

    void printLargestHandedOff() const {
        auto largest = handedOff;
        std::sort(largest.begin(), largest.end(), std::greater<>());
        for (std::size_t i = 0; i < largest.size() && i < 15; ++i) {
            std::printf("  handed off: %8.1f kB %s\n", static_cast<double>(largest[i].first) / 1e3,
                        largest[i].second.c_str());
        }
    }

    void print(const std::string& what) const {
        const auto percent = [](double part, double whole) {
            return whole == 0 ? 0.0 : 100.0 * part / whole;
        };
        std::printf("%s: %zu files, %.1f MB; lexed %zu files (%.1f%%), %.1f MB (%.1f%%); "
                    "handed off %.1f%% of files; tree-sitter errors in %zu lexed files\n",
                    what.c_str(), files, static_cast<double>(bytes) / 1e6, lexedFiles,
                    percent(static_cast<double>(lexedFiles), static_cast<double>(files)),
                    static_cast<double>(lexedBytes) / 1e6,
                    percent(static_cast<double>(lexedBytes), static_cast<double>(bytes)),
                    100.0 - percent(static_cast<double>(lexedFiles), static_cast<double>(files)),
                    treeSitterErrors);
    }
};

// One file read both ways; `label` names it in a difference.
void compareSource(Extractor& extractor, const std::string& label, std::string_view source,
                   Grammar grammar, Tally& tally) {
    ++tally.files;
    tally.bytes += source.size();
    const auto lexed = extractor.lex(source, grammar);
    if (!lexed) {
        tally.handedOff.emplace_back(source.size(), label);
        return;
    }
    ++tally.lexedFiles;
    tally.lexedBytes += source.size();
    extractor.setParser(ParserChoice::TreeSitter);
    std::optional<Extraction> reference;
    try {
        reference = extractor.extract(source, grammar);
    } catch (const std::runtime_error&) {
        // tree-sitter gave up on it: counted with the files it finds broken
    }
    extractor.setParser(ParserChoice::Lexer);
    if (!reference || reference->parseErrors > 0) {
        ++tally.treeSitterErrors;
        return;
    }
    const auto difference = extractionDifference(*reference, *lexed, extractor.names());
    if (!difference.empty()) {
        tally.differences.push_back(label + ": " + difference);
    }
}

void compareFile(Extractor& extractor, const std::string& path, Grammar grammar, Tally& tally) {
    const auto contents = readFile(path, 64u << 20);
    if (contents.ok()) {
        compareSource(extractor, path, contents.bytes, grammar, tally);
    }
}

bool isDeclarationFile(const std::string& path) {
    for (const char* suffix : {".d.ts", ".d.mts", ".d.cts"}) {
        const std::string_view end(suffix);
        if (path.size() >= end.size() &&
            path.compare(path.size() - end.size(), end.size(), end) == 0) {
            return true;
        }
    }
    return false;
}

// Every script under `root` (or `root` itself when it is a file). Declaration files (.d.ts), which
// a scan never reads (type-only imports are not followed), are tallied apart.
void compareTree(const std::string& root, Tally& tally, Tally& declarations) {
    Extractor extractor;
    std::error_code error;
    if (std::filesystem::is_regular_file(root, error)) {
        if (const auto grammar = grammarForPath(root)) {
            compareFile(extractor, root, *grammar, isDeclarationFile(root) ? declarations : tally);
        }
        return;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(
             root, std::filesystem::directory_options::skip_permission_denied, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error) {
            break;
        }
        if (!it->is_regular_file(error)) {
            continue;
        }
        const auto path = it->path().string();
        if (const auto grammar = grammarForPath(path)) {
            compareFile(extractor, path, *grammar, isDeclarationFile(path) ? declarations : tally);
        }
    }
}

// The fuzz corpora hold bare inputs: the first byte picks the grammar, as in the fuzz target.
void compareFuzzInputs(const std::string& root, Tally& tally) {
    Extractor extractor;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(root, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (error || !it->is_regular_file(error)) {
            continue;
        }
        const auto contents = readFile(it->path().string(), 1u << 20);
        if (!contents.ok() || contents.bytes.empty()) {
            continue;
        }
        const auto grammar = (contents.bytes[0] & 1) != 0 ? Grammar::TypeScript : Grammar::Tsx;
        compareSource(extractor, it->path().string(), std::string_view(contents.bytes).substr(1),
                      grammar, tally);
    }
}

void expectAgreement(const Tally& tally) {
    std::ostringstream out;
    // FANOUT_LEXER_VERBOSE=1: every difference, not the first 20.
    const std::size_t shown = std::getenv("FANOUT_LEXER_VERBOSE") != nullptr ? SIZE_MAX : 20;
    for (std::size_t i = 0; i < tally.differences.size() && i < shown; ++i) {
        out << "\n  " << tally.differences[i];
    }
    EXPECT_TRUE(tally.differences.empty())
        << tally.differences.size() << " files read differently:" << out.str();
}

TEST(LexerDifferential, RealPackagesAgreeWithTreeSitter) {
    if (std::filesystem::exists(kDir + "/unavailable.txt")) {
        std::ifstream in(kDir + "/unavailable.txt");
        std::stringstream reason;
        reason << in.rdbuf();
        GTEST_SKIP() << "the npm install is missing (" << reason.str() << ")";
    }
    Tally tally;
    Tally declarations;
    compareTree(kDir + "/app/node_modules", tally, declarations);
    if (const char* extra = std::getenv("FANOUT_LEXER_EXTRA_DIRS")) {
        std::stringstream dirs(extra);
        for (std::string dir; std::getline(dirs, dir, ':');) {
            if (!dir.empty()) {
                compareTree(dir, tally, declarations);
            }
        }
    }
    tally.print("real packages, scripts");
    declarations.print("real packages, declaration files");
    if (std::getenv("FANOUT_LEXER_VERBOSE") != nullptr) {
        tally.printLargestHandedOff();
    }
    EXPECT_GT(tally.files, 5000u) << "the installed corpus is smaller than expected";
    // The lexer is the fast path only if it takes most of the files a scan reads.
    EXPECT_GT(tally.lexedFiles * 10, tally.files * 9);
    expectAgreement(tally);
    expectAgreement(declarations);
}

TEST(LexerDifferential, FixturesAndFuzzCorporaAgreeWithTreeSitter) {
    Tally tally;
    compareTree(FANOUT_TEST_DATA, tally, tally);
    compareFuzzInputs(std::string(FANOUT_FUZZ_INPUTS) + "/corpus/extractor", tally);
    compareFuzzInputs(std::string(FANOUT_FUZZ_INPUTS) + "/regressions/extractor", tally);
    tally.print("fixtures and fuzz corpora");
    EXPECT_GT(tally.lexedFiles, 0u);
    expectAgreement(tally);
}

} // namespace
} // namespace fanout

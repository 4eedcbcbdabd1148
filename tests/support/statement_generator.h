// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Generated JavaScript/TypeScript files for the import lexer's differential checks: statements
// from tests/data/lexer/statement_snippets.txt, with line breaks, comments or spaces put between
// their tokens, some placed inside other statements or expressions, joined two to six a file.
// Every choice comes from a chooser: a seeded engine in the generated test, the fuzzer's bytes in
// the `statements` fuzz target.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace fanout::testing {

using SnippetTokens = std::vector<std::string>;

// The snippets of a file in statement_snippets.txt's form: one per line, tokens separated by
// spaces, `#` lines skipped.
std::vector<SnippetTokens> loadStatementSnippets(const std::string& path);

class StatementGenerator {
public:
    // A number below n (n > 0).
    using Chooser = std::function<std::size_t(std::size_t n)>;

    StatementGenerator(const std::vector<SnippetTokens>& snippets, Chooser choose)
        : m_snippets(snippets), m_choose(std::move(choose)) {}

    std::string file();
    bool chance(std::size_t percent) { return pick(100) < percent; }
    std::size_t pick(std::size_t n) { return m_choose(n); }

private:
    const SnippetTokens& snippet() { return m_snippets[pick(m_snippets.size())]; }
    SnippetTokens statement();
    std::string join(const SnippetTokens& tokens);

    const std::vector<SnippetTokens>& m_snippets;
    Chooser m_choose;
};

// A chooser reading bytes: one per choice below 256, two above; 0 once they run out.
class ByteChooser {
public:
    ByteChooser(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::size_t operator()(std::size_t n) {
        std::size_t value = next();
        if (n > 256) {
            value |= next() << 8;
        }
        return value % n;
    }

private:
    std::size_t next() { return m_at < m_size ? m_data[m_at++] : 0; }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

} // namespace fanout::testing

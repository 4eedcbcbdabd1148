// SPDX-License-Identifier: GPL-3.0-or-later
#include "statement_generator.h"

#include <array>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace fanout::testing {
namespace {

SnippetTokens concat(std::initializer_list<SnippetTokens> parts) {
    SnippetTokens out;
    for (const auto& part : parts) {
        out.insert(out.end(), part.begin(), part.end());
    }
    return out;
}

} // namespace

std::vector<SnippetTokens> loadStatementSnippets(const std::string& path) {
    std::ifstream in(path);
    std::vector<SnippetTokens> snippets;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream words(line);
        SnippetTokens tokens;
        for (std::string token; words >> token;) {
            tokens.push_back(token);
        }
        snippets.push_back(tokens);
    }
    return snippets;
}

std::string StatementGenerator::file() {
    std::string text;
    const std::size_t statements = 2 + pick(5);
    for (std::size_t i = 0; i < statements; ++i) {
        text += join(statement());
        static constexpr std::array<const char*, 5> kSeparators{"\n", ";\n", ";", " ", "\n\n"};
        text += i + 1 < statements ? kSeparators[pick(kSeparators.size())] : "\n";
    }
    return text;
}

// A snippet, its expression (`x = e`) perhaps moved elsewhere, perhaps nested in a statement.
SnippetTokens StatementGenerator::statement() {
    SnippetTokens t = snippet();
    if (t.size() > 2 && t[0] == "x" && t[1] == "=" && chance(50)) {
        const SnippetTokens e(t.begin() + 2, t.end());
        switch (pick(9)) {
        case 0:
            t = concat({{"x", "=", "`a${"}, e, {"}b`"}});
            break;
        case 1:
            t = concat({{"f", "("}, e, {",", "z", ")"}});
            break;
        case 2:
            t = concat({{"x", "=", "(", ")", "=>"}, e});
            break;
        case 3:
            t = concat({{"x", "=", "["}, e, {"]"}});
            break;
        case 4:
            t = concat({{"("}, e, {")"}});
            break;
        case 5:
            t = concat({{"x", "=", "c", "?"}, e, {":", "d"}});
            break;
        case 6:
            t = concat({{"return"}, e});
            break;
        case 7:
            t = concat({{"throw"}, e});
            break;
        default:
            t = concat({{"export", "default"}, e});
            break;
        }
    }
    const std::size_t r = pick(100);
    if (r < 8) {
        t = concat({{"if", "(", "c", ")"}, t});
    } else if (r < 12) {
        t = concat({{"if", "(", "c", ")"}, t, {"else"}, snippet()});
    } else if (r < 15) {
        t = concat({{"while", "(", "c", ")"}, t});
    } else if (r < 18) {
        t = concat({{"for", "(", ";", ";", ")"}, t});
    } else if (r < 21) {
        t = concat({{"{"}, t, {"}"}});
    } else if (r < 23) {
        t = concat({{"function", "w", "(", ")", "{"}, t, {"}"}});
    }
    return t;
}

// The tokens with a space between each two, or now and then (more often in some statements) a
// line break of any kind or a comment.
std::string StatementGenerator::join(const SnippetTokens& tokens) {
    static constexpr std::array<const char*, 8> kBreaks{"\n",      "\n",   "\n\n", " /*\n*/ ",
                                                        " // c\n", "\r\n", "\r",   " /* c */ "};
    static constexpr std::array<std::size_t, 3> kRates{5, 15, 40};
    const std::size_t rate = kRates[pick(kRates.size())];
    std::string text = tokens.front();
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        text += chance(rate) ? kBreaks[pick(kBreaks.size())] : " ";
        text += tokens[i];
    }
    return text;
}

} // namespace fanout::testing

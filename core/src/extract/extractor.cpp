// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/extractor.h"

#include "extract/import_collector.h"
#include "extract/import_lexer.h"
#include "extract/syntax_table.h"
#include "extract/top_level.h"

#include <atomic>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace fanout {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// The most scratch space kept from one file to the next: enough for a file of a few hundred KB.
// The tokens of a larger one (8 MB for an icon package's 2.3 MB CommonJS index) are freed after it,
// for the allocator to give those pages to what comes next rather than fresh ones, each a page
// fault.
constexpr std::size_t kMaxKeptScratchBytes = 1u << 20;

struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

struct GrammarState {
    explicit GrammarState(Grammar grammar)
        : table(detail::languageFor(grammar)), parser(ts_parser_new()) {
        if (!ts_parser_set_language(parser.get(), detail::languageFor(grammar))) {
            throw std::runtime_error("tree-sitter runtime rejects the " +
                                     std::string(toString(grammar)) + " grammar's ABI version");
        }
    }
    detail::SyntaxTable table;
    std::unique_ptr<TSParser, ParserDeleter> parser;
};

} // namespace

struct Extractor::Impl {
    std::shared_ptr<NameTable> names;
    std::unique_ptr<GrammarState> typescript;
    std::unique_ptr<GrammarState> tsx;

    const std::size_t* cancellation = nullptr;
    ParserChoice parser = ParserChoice::Lexer;
    detail::LexerScratch scratch;

    GrammarState& stateFor(Grammar grammar) {
        auto& slot = grammar == Grammar::TypeScript ? typescript : tsx;
        if (!slot) {
            slot = std::make_unique<GrammarState>(grammar);
            ts_parser_set_cancellation_flag(slot->parser.get(), cancellation);
        }
        return *slot;
    }
};

void Extractor::setCancellationFlag(const std::size_t* flag) {
    m_impl->cancellation = flag;
    for (auto* state : {m_impl->typescript.get(), m_impl->tsx.get()}) {
        if (state != nullptr) {
            ts_parser_set_cancellation_flag(state->parser.get(), flag);
        }
    }
}

Extractor::Extractor(std::shared_ptr<NameTable> names) : m_impl(std::make_unique<Impl>()) {
    m_impl->names = names ? std::move(names) : std::make_shared<NameTable>();
}

void Extractor::setParser(ParserChoice choice) {
    m_impl->parser = choice;
}

std::string_view toString(ParserChoice choice) {
    return choice == ParserChoice::Lexer ? "lexer" : "tree-sitter";
}

NameTable& Extractor::names() {
    return *m_impl->names;
}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

namespace {

struct ParsedTree {
    std::unique_ptr<TSTree, TreeDeleter> tree;
    std::string_view text;         // what was parsed: the source without its BOM
    std::uint32_t firstLineOffset; // bytes stripped from the first line
};

std::uint64_t parseTimeoutMicros(std::size_t bytes) {
    return kParseTimeoutBaseMicros + kParseTimeoutMicrosPerMb * (bytes >> 20);
}

// The text both readers read: the source without a UTF-8 BOM, and the bytes stripped.
std::pair<std::string_view, std::uint32_t> withoutBom(std::string_view source) {
    if (source.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        return {source.substr(kUtf8Bom.size()), static_cast<std::uint32_t>(kUtf8Bom.size())};
    }
    return {source, 0};
}

// Kept for the whole scan: no capacity left over from growing (a third of these bytes).
void shrink(Extraction& out) {
    out.imports.shrink_to_fit();
    out.names.shrink_to_fit();
    out.locals.shrink_to_fit();
    out.exports.shrink_to_fit();
}

ParsedTree parse(GrammarState& state, std::string_view source) {
    const auto [text, firstLineOffset] = withoutBom(source);
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("file too large for tree-sitter (4 GiB or more)");
    }
    ts_parser_reset(state.parser.get());
    // Tree-sitter's error recovery can take minutes on a few hundred hostile bytes (found by the
    // fuzzer): every parse gets a deadline that grows with the file, far above a normal parse.
    ts_parser_set_timeout_micros(state.parser.get(), parseTimeoutMicros(text.size()));
    std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(
        state.parser.get(), nullptr, text.data(), static_cast<std::uint32_t>(text.size())));
    if (!tree) {
        const auto* flag = ts_parser_cancellation_flag(state.parser.get());
        if (flag != nullptr && *flag != 0) {
            throw std::runtime_error("the parse was cancelled");
        }
        throw std::runtime_error("tree-sitter gave up after " +
                                 std::to_string(parseTimeoutMicros(text.size()) / 1000000) +
                                 " s (its error recovery does not end on this text)");
    }
    return {std::move(tree), text, firstLineOffset};
}

} // namespace

std::optional<Extraction> Extractor::lex(std::string_view source, Grammar grammar) {
    Extraction out;
    out.grammar = grammar;
    const auto [text, firstLineOffset] = withoutBom(source);
    const bool lexed =
        detail::lexImports(text, firstLineOffset, grammar, *m_impl->names, out, m_impl->scratch);
    // The scratch space stays for the next file, unless a large file grew it past 1 MB.
    m_impl->scratch.trim(kMaxKeptScratchBytes);
    if (!lexed) {
        return std::nullopt;
    }
    out.rwsdkDirective = rwsdkDirective(source);
    out.lexed = true;
    shrink(out);
    return out;
}

Extraction Extractor::extract(std::string_view source, Grammar grammar) {
    if (m_impl->cancellation != nullptr && std::atomic_ref(*m_impl->cancellation).load() != 0) {
        throw std::runtime_error("the parse was cancelled");
    }
    if (m_impl->parser == ParserChoice::Lexer) {
        if (auto lexed = lex(source, grammar)) {
            return std::move(*lexed);
        }
    }
    Extraction out;
    out.grammar = grammar;
    out.rwsdkDirective = rwsdkDirective(source);

    GrammarState& state = m_impl->stateFor(grammar);
    const ParsedTree parsedTree = parse(state, source);
    const TSNode root = ts_tree_root_node(parsedTree.tree.get());
    const detail::ParsedSource parsed{parsedTree.text, state.table, parsedTree.firstLineOffset};
    detail::ImportCollector collector(parsed, *m_impl->names, out);
    collector.collect(root);
    detail::readTopLevel(parsed, root, collector, out);
    out.parseErrors = detail::countParseErrors(parsed, root);
    shrink(out);
    return out;
}

std::string Extractor::syntaxTree(std::string_view source, Grammar grammar) {
    const ParsedTree parsed = parse(m_impl->stateFor(grammar), source);
    char* raw = ts_node_string(ts_tree_root_node(parsed.tree.get()));
    std::string text(raw);
    std::free(raw);
    return text;
}

} // namespace fanout

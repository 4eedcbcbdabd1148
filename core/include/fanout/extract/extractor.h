// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/directive.h"
#include "fanout/extract/grammar.h"
#include "fanout/extract/import_record.h"
#include "fanout/extract/parser_choice.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

// Everything the scan keeps of one file once its contents are dropped.
struct Extraction {
    Grammar grammar = Grammar::Tsx;
    std::vector<ImportRecord> imports;
    std::vector<NonLiteralImport> nonLiteralImports;
    // The module's exports, in source order: declarations, `export default`, `export {a as b}`,
    // and named re-exports (`export {a} from`, `export * as ns from`, and `import {a}; export
    // {a}`). `export * from` is a record of form Star, not an entry.
    std::vector<ExportEntry> exports;
    std::vector<NameId> names; // every record's names, one range per record
    // Beside each name, the binding it gets: `import { Heart as Love }` -> Love,
    // `import React from` -> React, `export { a as b } from` -> b.
    std::vector<NameId> locals;

    std::span<const NameId> namesOf(const ImportRecord& record) const {
        return {names.data() + record.namesBegin, record.namesCount};
    }
    std::span<const NameId> localsOf(const ImportRecord& record) const {
        return {locals.data() + record.namesBegin, record.namesCount};
    }
    // module.exports, exports.x, require() or `export =`: names cannot be traced through it.
    bool commonJs = false;
    JsxUse jsx;
    StatementCounts counts;
    DirectiveVerdict specDirective;  // ECMAScript directive prologue
    DirectiveVerdict rwsdkDirective; // RedwoodJS SDK's text rule
    // ERROR and MISSING nodes in the tree. Imports outside the damaged regions are still reported.
    std::uint32_t parseErrors = 0;
    // Read by the import lexer (the fast path) rather than by tree-sitter.
    bool lexed = false;
};

// A parse that has not ended after 3 s plus 1 s per MB is abandoned: extract() throws. A normal
// parse runs at tens of MB per second; a pathological one could run for minutes.
inline constexpr std::uint64_t kParseTimeoutBaseMicros = 3'000'000;
inline constexpr std::uint64_t kParseTimeoutMicrosPerMb = 1'000'000;

// Reads imports and directives with tree-sitter. Holds one parser per grammar and reuses them, so
// create one Extractor per thread; it is not safe to share one between threads.
class Extractor {
public:
    // Names are interned in `names`, shared by the extractors of a scan; without one the
    // extractor keeps its own.
    explicit Extractor(std::shared_ptr<NameTable> names = {});
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    // `source` is the file's bytes (UTF-8 expected; a leading BOM is allowed).
    Extraction extract(std::string_view source, Grammar grammar);
    // The import lexer alone: nullopt when it hands the file off.
    std::optional<Extraction> lex(std::string_view source, Grammar grammar);

    void setParser(ParserChoice choice);

    // While *flag is non-zero, a parse stops within a few milliseconds and extract() throws: a
    // cancelled scan does not wait for a 16 MB bundle to finish parsing. Null: never.
    void setCancellationFlag(const std::size_t* flag);

    NameTable& names();

    // The syntax tree as an S-expression, for people debugging a file the extractor misreads.
    std::string syntaxTree(std::string_view source, Grammar grammar);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fanout

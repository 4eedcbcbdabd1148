// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/name_table.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fanout {

enum class ImportKind : unsigned char {
    Import,        // import ... from "x", import "x"
    Export,        // export * from "x", export * as ns from "x", export {a} from "x"
    DynamicImport, // import("x")
    Require,       // require("x"), import x = require("x")
    JsxRuntime,    // the module an automatic JSX transform imports: "react/jsx-runtime"
};

std::string_view toString(ImportKind kind);

// Position of a node in a file: line and column are 1-based, the column counts bytes.
struct SourcePosition {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool operator==(const SourcePosition&) const = default;
};

// What a statement takes from the module it names.
enum class ImportForm : unsigned char {
    Names,     // the names listed (none for `import "x"`): import {a}, import d, export {a} from
    Namespace, // the whole module: import * as ns, export * as ns from, import(), require()
    Star,      // export * from "x": every name but default, looked up on demand
};

std::string_view toString(ImportForm form);

struct ImportRecord {
    std::string specifier;
    ImportKind kind = ImportKind::Import;
    // Recorded so a user sees it, but never followed: erased by every TypeScript compiler.
    bool typeOnly = false;
    SourcePosition position;
    ImportForm form = ImportForm::Names;
    // The names imported (for Names), in source order, type-only specifiers left out: a range of
    // the file's flat list (Extraction::names), so a record without names allocates nothing.
    std::uint32_t namesBegin = 0;
    std::uint32_t namesCount = 0;
};

// One name a module exports. Either defined by the module (`record` is kLocal) or passed on from
// the module of imports[record]: its name `imported`, or its whole namespace (`namespaceOf`).
struct ExportEntry {
    static constexpr std::uint32_t kLocal = UINT32_MAX;
    NameId name = 0;
    std::uint32_t record = kLocal;
    NameId imported = 0;
    bool namespaceOf = false;
    bool operator==(const ExportEntry&) const = default;
};

// JSX in a file, and the pragmas that choose how it compiles (esbuild reads them in any comment).
enum class JsxRuntimePragma : unsigned char { None, Classic, Automatic };
struct JsxUse {
    SourcePosition first; // the first JSX element; line 0 when the file has none
    JsxRuntimePragma runtime = JsxRuntimePragma::None; // @jsxRuntime classic|automatic
    std::string importSource;                          // @jsxImportSource x
    bool used() const { return first.line != 0; }
};

// import(expr) / require(expr) whose argument is not a literal: no edge, but worth a diagnostic.
struct NonLiteralImport {
    ImportKind kind = ImportKind::DynamicImport;
    std::string expression;
    SourcePosition position;
};

// What a barrel analysis needs to know about a file's top level.
struct StatementCounts {
    std::uint32_t topLevel = 0;
    std::uint32_t imports = 0;
    std::uint32_t reExports = 0;
    bool operator==(const StatementCounts&) const = default;

    // A barrel: at least `minReExports` re-export statements making up, with imports, at least
    // `minShare` of the top-level statements.
    bool barrel(std::uint32_t minReExports = 10, double minShare = 0.8) const {
        return reExports >= minReExports && topLevel > 0 &&
               static_cast<double>(reExports + imports) >= minShare * static_cast<double>(topLevel);
    }
};

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fanout {

enum class ImportKind : unsigned char {
    Import,        // import ... from "x", import "x"
    Export,        // export * from "x", export * as ns from "x", export {a} from "x"
    DynamicImport, // import("x")
    Require,       // require("x"), import x = require("x")
};

std::string_view toString(ImportKind kind);

// Position of a node in a file: line and column are 1-based, the column counts bytes.
struct SourcePosition {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool operator==(const SourcePosition&) const = default;
};

struct ImportRecord {
    std::string specifier;
    ImportKind kind = ImportKind::Import;
    // Recorded so a user sees it, but never followed: erased by every TypeScript compiler.
    bool typeOnly = false;
    SourcePosition position;
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
};

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"
#include "fanout/extract/import_record.h"
#include "fanout/resolve/resolver_cache.h"

#include <string>
#include <string_view>

namespace fanout {

// How a project's JSX compiles.
enum class JsxMode : unsigned char {
    Automatic, // an automatic runtime, whatever tsconfig says (Vite's React plugin, Next's SWC)
    Classic,   // React.createElement in scope: no implicit import
    Tsconfig,  // as the nearest tsconfig's "jsx" says (react-jsx, react-jsxdev; else none)
};

std::string_view toString(JsxMode mode);

struct JsxConfig {
    JsxMode mode = JsxMode::Tsconfig;
    std::string importSource = "react"; // where tsconfig and pragmas name none
};

// The module a file's JSX imports without saying so ("react/jsx-runtime"), or "" when it imports
// none. Pragmas first, then the nearest tsconfig's jsx/jsxImportSource (never one in
// node_modules), then `config`. `why` gets one line saying what decided.
std::string jsxRuntimeModule(const JsxConfig& config, const JsxUse& use, ResolverCache& cache,
                             std::string_view file, std::string* why = nullptr);

// Adds to `extraction` the import its JSX makes without saying so (jsxRuntimeModule), as one more
// record of kind JsxRuntime at the first JSX; nothing when it imports none.
void addJsxRuntimeImport(Extraction& extraction, const JsxConfig& config, ResolverCache& cache,
                         std::string_view file);

} // namespace fanout

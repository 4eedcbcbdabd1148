// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/import_collector.h"
#include "extract/tree_text.h"
#include "fanout/extract/extractor.h"

namespace fanout::detail {

// Statement counts, the ECMAScript directive prologue and the module's own exports, read from the
// program's direct children once `imports` has collected the imports (whose bindings an
// `export {a}` may pass on).
void readTopLevel(const ParsedSource& source, TSNode program, ImportCollector& imports,
                  Extraction& out);

} // namespace fanout::detail

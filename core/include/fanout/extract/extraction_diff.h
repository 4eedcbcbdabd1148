// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"

#include <string>

namespace fanout {

// The first way two extractions of one file differ, in words ("" when they agree): records,
// names, exports, calls, CommonJS, JSX, counts and directives. What says which reader made them
// (`lexed`) and tree-sitter's error count are not compared. Name ids must come from one table.
std::string extractionDifference(const Extraction& expected, const Extraction& actual,
                                 const NameTable& names);

} // namespace fanout

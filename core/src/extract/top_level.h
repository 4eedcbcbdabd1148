// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "extract/tree_text.h"
#include "fanout/extract/extractor.h"

namespace fanout::detail {

// Statement counts and the ECMAScript directive prologue, both read from the program's direct
// children.
void readTopLevel(const ParsedSource& source, TSNode program, Extraction& out);

} // namespace fanout::detail

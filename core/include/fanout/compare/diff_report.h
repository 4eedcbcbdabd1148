// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/compare/scan_diff.h"

#include <cstddef>
#include <ostream>

namespace fanout {

enum class DiffFormat {
    Text,     // for a terminal
    Markdown, // for a pull-request comment
};

// The comparison as a report: the totals, then each kind of change with at most `limit` entries
// listed (the rest counted). Sections with no change are left out.
void writeDiffReport(std::ostream& out, const ScanDiff& diff, DiffFormat format, std::size_t limit);

// Every change, nothing left out, as one JSON document.
void writeDiffJson(std::ostream& out, const ScanDiff& diff);

} // namespace fanout

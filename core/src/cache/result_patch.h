// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/parser_choice.h"
#include "fanout/io/file_identity.h"
#include "fanout/project/scan_config.h"
#include "fanout/result/scan_result.h"

#include <string>
#include <vector>

namespace fanout::detail {

// Brings a cached result up to date with files whose contents changed (nothing else did: every
// folder, link and manifest is as it was) when each still imports exactly what it did, in the same
// order, with the same directive and no syntax errors: the walk is then the same, and what moved
// (sizes, positions, exports, statement counts) is patched in. Each record gets the identity and
// hash of what was read. Returns "" when the result was patched, else why it cannot be (the
// result is then untouched: every file is checked before any is patched in).
std::string patchEditedFiles(ScanResult& result, const ScanConfig& config, ParserChoice parser,
                             const std::vector<FileRecord*>& edited);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"

#include <string>
#include <vector>

namespace fanout {

struct InspectedFile {
    std::string path;
    Extraction extraction;
};

struct InspectFailure {
    std::string path;
    std::string message;
};

// `fanout inspect` output: a readable block per file, or one JSON document for all of them.
std::string formatInspectText(const InspectedFile& file);
std::string formatInspectJson(const std::vector<InspectedFile>& files,
                              const std::vector<InspectFailure>& failures);

} // namespace fanout

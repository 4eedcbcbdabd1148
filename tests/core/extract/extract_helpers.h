// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/extractor.h"

#include <string>
#include <string_view>
#include <vector>

namespace fanout::testing {

inline Extraction extractTsx(std::string_view source) {
    static thread_local Extractor extractor;
    return extractor.extract(source, Grammar::Tsx);
}

inline Extraction extractTs(std::string_view source) {
    static thread_local Extractor extractor;
    return extractor.extract(source, Grammar::TypeScript);
}

inline std::vector<std::string> specifiers(const Extraction& extraction) {
    std::vector<std::string> out;
    for (const auto& record : extraction.imports) {
        out.push_back(record.specifier);
    }
    return out;
}

} // namespace fanout::testing

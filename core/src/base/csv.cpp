// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/csv.h"

namespace fanout {

std::string csvQuoted(const std::string& value) {
    std::string out = "\"";
    for (const char c : value) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    return csvQuoted(value);
}

} // namespace fanout

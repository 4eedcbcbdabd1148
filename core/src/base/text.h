// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace fanout::detail {

// Inline: the directive rules call them on every line of every file's head.
inline bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

inline bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// ASCII lower case (package names, Windows-style case-insensitive comparisons).
std::string lower(std::string_view text);
bool equalsIgnoringCase(std::string_view a, std::string_view b);

} // namespace fanout::detail

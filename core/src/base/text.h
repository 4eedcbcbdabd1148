// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace fanout::detail {

bool startsWith(std::string_view text, std::string_view prefix);
bool endsWith(std::string_view text, std::string_view suffix);
// ASCII lower case (package names, Windows-style case-insensitive comparisons).
std::string lower(std::string_view text);
bool equalsIgnoringCase(std::string_view a, std::string_view b);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace fanout {

// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csvField(const std::string& value);

// One CSV field, always quoted (quotes doubled): for columns read as text whatever they hold.
std::string csvQuoted(const std::string& value);

} // namespace fanout

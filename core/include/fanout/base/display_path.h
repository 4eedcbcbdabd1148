// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace fanout {

// A path as every Fanout output shows it: relative to `root` when inside it, else absolute.
std::string displayPath(const std::string& path, const std::string& root);

} // namespace fanout

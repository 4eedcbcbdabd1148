// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace fanout {

// A path as every Fanout output shows it: relative to `root` when inside it, else absolute.
std::string displayPath(const std::string& path, const std::string& root);
// The same as a view into `path` (no copy: the JSON writer shows a few hundred thousand).
std::string_view displayPathView(std::string_view path, std::string_view root);

} // namespace fanout

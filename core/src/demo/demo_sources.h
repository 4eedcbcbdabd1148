// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace fanout::detail {

// The demo app's hand-written files: project-relative path and contents.
const std::vector<std::pair<std::string_view, std::string_view>>& demoAppFiles();

} // namespace fanout::detail

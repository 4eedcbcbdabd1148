// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// Registers `fanout check`, the CI gate; the returned function runs it after parsing (-1 when
// not chosen): 0 when every budget holds, 1 on any violation.
std::function<int()> addCheckCommand(CLI::App& app);

} // namespace fanout::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// Registers `fanout diff BEFORE AFTER`: two scan documents compared. The returned function runs
// it after parsing (-1 when not chosen): 0, or 1 with --fail-on-growth when the after scan grew,
// 2 when a document cannot be read or a report cannot be written.
std::function<int()> addDiffCommand(CLI::App& app);

} // namespace fanout::cli

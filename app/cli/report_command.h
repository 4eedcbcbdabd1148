// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// `fanout report` and `fanout why`; each returned function runs its command after parsing
// (-1 when not chosen).
std::function<int()> addReportCommand(CLI::App& app);
std::function<int()> addWhyCommand(CLI::App& app);

} // namespace fanout::cli

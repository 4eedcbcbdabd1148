// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// Registers `fanout inspect`; the returned function runs it after parsing and gives the exit code.
std::function<int()> addInspectCommand(CLI::App& app);

} // namespace fanout::cli

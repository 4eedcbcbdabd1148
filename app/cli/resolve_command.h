// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// Registers `fanout resolve`; the returned function runs it after parsing (-1 when not chosen).
std::function<int()> addResolveCommand(CLI::App& app);

} // namespace fanout::cli

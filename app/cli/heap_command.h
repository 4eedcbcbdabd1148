// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace fanout::cli {

// Registers `fanout heap SNAPSHOT`: a V8 heap snapshot's summary by constructor, the objects
// retaining most with a path from the root, and duplicated strings. The returned function runs it
// after parsing (-1 when not chosen): 0; 2 when the snapshot cannot be read or the report cannot
// be written; 3 when the --project scan cannot start.
std::function<int()> addHeapCommand(CLI::App& app);

} // namespace fanout::cli

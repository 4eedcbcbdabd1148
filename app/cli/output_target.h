// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace fanout::cli {

// Writes `contents` to `target`: "-" is standard output; anything else is written atomically.
// On failure, says on standard error that `command` cannot write the `what`.
bool writeOutput(const std::string& target, const std::string& contents, const char* command,
                 const char* what);

} // namespace fanout::cli

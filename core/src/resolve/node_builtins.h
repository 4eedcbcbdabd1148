// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace fanout::detail {

// Whether a bare specifier names a Node.js built-in module ("fs", "fs/promises", ...). Modules
// that only exist with the `node:` prefix (node:test, node:sqlite, node:sea) are not listed: bare
// `test` is an ordinary package.
bool isNodeBuiltin(std::string_view specifier);

} // namespace fanout::detail

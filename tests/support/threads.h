// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

namespace fanout::testing {

// Runs body(0) .. body(count - 1), each on a thread of its own, all at once; returns when all
// have ended.
void runOnThreads(std::size_t count, const std::function<void(std::size_t)>& body);

} // namespace fanout::testing

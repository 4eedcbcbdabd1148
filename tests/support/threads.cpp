// SPDX-License-Identifier: GPL-3.0-or-later
#include "threads.h"

#include <thread>
#include <vector>

namespace fanout::testing {

void runOnThreads(std::size_t count, const std::function<void(std::size_t)>& body) {
    std::vector<std::jthread> threads;
    threads.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        threads.emplace_back(body, i);
    }
}

} // namespace fanout::testing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace fanout::detail {

// A number for an object of a kind whose instances a thread-local cache tells apart, never given
// twice in the process: an object made later at the address of one gone gets another, so a cache
// entry of the gone one can never be taken for it. Never 0.
inline std::uint64_t nextInstanceNumber() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

// The slot of a thread-local cache of `slots` entries for a key's hash in one instance.
inline std::size_t recentSlot(std::uint64_t instance, std::size_t hash, std::size_t slots) {
    return (hash ^ (instance * 0x9e3779b97f4a7c15ULL)) % slots;
}

} // namespace fanout::detail

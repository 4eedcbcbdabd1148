// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace fanout {

// Bytes in mebibytes, the unit of every memory figure and plot axis.
inline double toMegabytes(std::uint64_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// "512 B", "3.4 KB", "17.2 MB", "2.15 GB" (powers of 1,024), as every report says sizes.
std::string formatSize(std::uint64_t bytes);

// "17.2 MB" whatever the size: progress lines and summaries that are compared line to line.
std::string formatMegabytes(std::uint64_t bytes);

} // namespace fanout

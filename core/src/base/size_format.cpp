// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/size_format.h"

#include <iomanip>
#include <sstream>

namespace fanout {

std::string formatSize(std::uint64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1);
    if (bytes >= (1ull << 30)) {
        out << std::setprecision(2) << static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0)
            << " GB";
    } else if (bytes >= 1024ull * 1024) {
        out << toMegabytes(bytes) << " MB";
    } else if (bytes >= 1024) {
        out << static_cast<double>(bytes) / 1024.0 << " KB";
    } else {
        out << bytes << " B";
    }
    return out.str();
}

std::string formatMegabytes(std::uint64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << toMegabytes(bytes) << " MB";
    return out.str();
}

} // namespace fanout

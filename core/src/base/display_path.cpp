// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/display_path.h"

#include "base/path_utils.h"

namespace fanout {

std::string displayPath(const std::string& path, const std::string& root) {
    std::string relative;
    if (!root.empty() && detail::relativeInside(root, path, relative) && !relative.empty()) {
        return relative;
    }
    return path;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/display_path.h"

#include "base/path_utils.h"

namespace fanout {

std::string displayPath(const std::string& path, const std::string& root) {
    return std::string(displayPathView(path, root));
}

std::string_view displayPathView(std::string_view path, std::string_view root) {
    if (root.empty()) {
        return path;
    }
    const auto relative = detail::relativeView(root, path);
    return relative && !relative->empty() ? *relative : path;
}

} // namespace fanout

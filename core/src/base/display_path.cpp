// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/base/display_path.h"

namespace fanout {

std::string displayPath(const std::string& path, const std::string& root) {
    return std::string(displayPathView(path, root));
}

std::string_view displayPathView(std::string_view path, std::string_view root) {
    if (root.empty() || path == root || !path.starts_with(root)) {
        return path;
    }
    std::string_view relative;
    if (root == "/") {
        relative = path.substr(1);
    } else if (path[root.size()] == '/') {
        relative = path.substr(root.size() + 1);
    } else {
        return path; // "/a/bc" is not inside "/a/b"
    }
    return relative.empty() ? path : relative;
}

} // namespace fanout

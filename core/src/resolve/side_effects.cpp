// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/resolve/side_effects.h"

#include "base/path_utils.h"
#include "fanout/resolve/resolution.h"

#include <fnmatch.h>

namespace fanout {

bool SideEffects::mayHaveSideEffects(std::string_view relativePath) const {
    switch (kind) {
    case Kind::All:
        return true;
    case Kind::None:
        return false;
    case Kind::Listed:
        break;
    }
    const std::string path(relativePath);
    const auto slash = path.rfind('/');
    const std::string fileName = slash == std::string::npos ? path : path.substr(slash + 1);
    for (const auto& pattern : patterns) {
        std::string_view glob = pattern;
        if (glob.substr(0, 2) == "./") {
            glob.remove_prefix(2);
        }
        const bool anywhere = glob.find('/') == std::string_view::npos;
        const std::string text(glob);
        // Without FNM_PATHNAME "*" crosses "/", so "**" and "dist/*" match deeper files too.
        if (::fnmatch(text.c_str(), (anywhere ? fileName : path).c_str(), 0) == 0) {
            return true;
        }
    }
    return false;
}

bool mayHaveSideEffects(const std::string& path, const PackageIdentity* package,
                        const SideEffects& project, const std::string& root) {
    std::string relative;
    if (package != nullptr) {
        return !detail::relativeInside(package->root, path, relative) ||
               package->sideEffects.mayHaveSideEffects(relative);
    }
    if (path.find("/node_modules/") != std::string::npos ||
        !detail::relativeInside(root, path, relative)) {
        return true;
    }
    return project.mayHaveSideEffects(relative);
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/project/scan_config.h"

namespace fanout {

std::string_view toString(DirectiveRule rule) {
    return rule == DirectiveRule::Spec ? "spec" : "rwsdk";
}

const Workspace* workspaceOf(const ScanConfig& config, std::string_view path) {
    const Workspace* best = nullptr;
    for (const auto& workspace : config.workspaces) {
        const auto& dir = workspace.dir;
        if (path.size() > dir.size() && path.substr(0, dir.size()) == dir &&
            path[dir.size()] == '/' && (best == nullptr || dir.size() > best->dir.size())) {
            best = &workspace;
        }
    }
    return best;
}

} // namespace fanout

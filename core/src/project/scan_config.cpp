// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/project/scan_config.h"

namespace fanout {

std::string_view toString(DirectiveRule rule) {
    return rule == DirectiveRule::Spec ? "spec" : "rwsdk";
}

} // namespace fanout

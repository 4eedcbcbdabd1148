// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/result/scan_result.h"

#include <string_view>

namespace fanout::detail {

// rwsdk 1.7.3 treats a specifier whose last segment has a non-script extension as external
// before resolving it (path.extname semantics), so "./Button.client", "x/server.edge" and
// "lodash.debounce" are never followed.
bool rwsdkSkipsDottedSpecifier(std::string_view specifier);

// For a correct (non-compat) scan with the rwsdk preset: every place rwsdk 1.7.3's own scan
// would give another answer, as findings: directives its text rule misses or invents, specifiers
// it skips, and the modules reached only through those.
void addRwsdkFindings(ScanResult& result);

} // namespace fanout::detail

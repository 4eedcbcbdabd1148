// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/project/scan_config.h"

#include <string>

namespace fanout::detail {

// Applies what vite.config.{ts,js,mts,mjs} says about resolution — resolve.alias,
// resolve.conditions, resolve.mainFields, resolve.dedupe — read without running it. Values that
// are not literals become config findings; path.resolve(__dirname, "x"), path.join(__dirname,
// "x") and fileURLToPath(new URL("x", import.meta.url)) are read as the folder they name.
void applyViteConfig(const std::string& root, ScanConfig& config);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/presets.h"

#include <string>

namespace fanout::detail {

// The Next.js version whose bundler configuration (webpack-config.js, resolve.js, config.js) the
// next preset follows.
inline constexpr const char* kNextPresetFollows = "15.5.29";

// Whether the project at `root` is a Next.js app: it depends on next or has a next.config.*.
bool isNextProject(const std::string& root);

// The next preset: App Router files in server, Pages Router pages in ssr, middleware on the
// edge, "use client" -> client; optimizePackageImports and serverExternalPackages from Next's
// defaults and, read statically, the project's next.config.*.
PresetConfig nextPreset(const std::string& root);

} // namespace fanout::detail

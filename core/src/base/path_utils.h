// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/text.h"

#include <optional>
#include <string>
#include <string_view>

namespace fanout::detail {

// Lexical POSIX path operations, as bundlers do them (path.resolve): `..` removes the previous
// component without looking at symlinks; symlinks are followed afterwards with realpath.
std::string normalizePath(std::string_view path);
// Whether normalizePath(path) == path, found without building it.
bool isNormalPath(std::string_view path);
std::string joinPath(std::string_view base, std::string_view relative);
// joinPath for a base known to be normal (isNormalPath): only `relative` is walked.
std::string joinNormalPath(std::string_view normalBase, std::string_view relative);
std::string_view parentPath(std::string_view path); // "/" for "/x", "/a" for "/a/b"
std::string_view baseName(std::string_view path);
// The extension of the last component including the dot ("" when none; ".d.ts" gives ".ts").
std::string_view extensionOf(std::string_view path);
// `path` relative to `base` as a view into `path` ("" for `base` itself), or nothing outside it.
std::optional<std::string_view> relativeView(std::string_view base, std::string_view path);
// The same copied into `out` ("x/y"); false outside `base`.
bool relativeInside(std::string_view base, std::string_view path, std::string& out);

bool isRelativeSpecifier(std::string_view specifier); // ".", "..", "./x", "../x"
// `pattern` with every "*" replaced by `match` (exports/imports targets, tsconfig paths).
std::string substituteStars(std::string_view pattern, std::string_view match);

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace fanout::detail {

// The value of the body of a JavaScript string or template literal (the text between its quotes):
// escape sequences are decoded and line continuations dropped. Module specifiers rarely hold an
// escape, so the common case is a plain copy.
std::string decodeJsStringBody(std::string_view body);

} // namespace fanout::detail

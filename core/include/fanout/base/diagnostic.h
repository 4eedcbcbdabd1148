// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace fanout {

// A problem with one file that did not stop the scan (malformed manifest, unreadable file, ...).
struct Diagnostic {
    std::string path;
    std::string message;
    bool operator==(const Diagnostic&) const = default;
};

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace fanout {

enum class Directive : unsigned char { None, Client, Server };

std::string_view toString(Directive directive);

struct DirectiveVerdict {
    Directive directive = Directive::None;
    // Both "use client" and "use server" were found; the verdict is then Client.
    bool conflict = false;
    bool operator==(const DirectiveVerdict&) const = default;
};

// The RedwoodJS SDK's text rule for directives, reproduced with its quirks: only the first 512
// characters (UTF-16 code units, as JavaScript's String.slice counts them), line by line, comments
// skipped by line prefix, a directive recognised by prefix only. The ECMAScript prologue rule is
// computed from the syntax tree by the Extractor.
DirectiveVerdict rwsdkDirective(std::string_view source);

} // namespace fanout

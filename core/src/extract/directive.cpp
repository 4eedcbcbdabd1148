// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/directive.h"

#include "base/text.h"
#include "fanout/io/utf8.h"

namespace fanout {
namespace {

using detail::startsWith;

// The directives rwsdk finds in a head. It asks for one directive at a time, each a walk over the
// lines: empty lines and comments are passed, a line that starts with a quote is that directive or
// "some other directive" and the walk goes on, and any other line ends it. The walks for "use
// client" and "use server" stop at the same line, so one walk answers both.
struct RwsdkHead {
    bool client = false;
    bool server = false;
};

RwsdkHead rwsdkDirectives(std::string_view head) {
    RwsdkHead found;
    bool inBlockComment = false;
    std::size_t lineStart = 0;
    while (lineStart <= head.size()) {
        auto lineEnd = head.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) {
            lineEnd = head.size();
        }
        const auto line = utf8::trimJsWhitespace(head.substr(lineStart, lineEnd - lineStart));
        lineStart = lineEnd + 1;
        if (line.empty()) {
            continue;
        }
        if (inBlockComment) {
            if (line.find("*/") != std::string_view::npos) {
                inBlockComment = false;
            }
            continue;
        }
        if (startsWith(line, "/*")) {
            inBlockComment = line.find("*/") == std::string_view::npos;
            continue;
        }
        if (startsWith(line, "//")) {
            continue;
        }
        if (line.front() != '"' && line.front() != '\'') {
            break;
        }
        // Quoted, with the same quote at both ends, at the line's start.
        const auto is = [&](std::string_view directive) {
            return line.size() >= directive.size() + 2 &&
                   line.substr(1, directive.size()) == directive &&
                   line[directive.size() + 1] == line.front();
        };
        found.client = found.client || is("use client");
        found.server = found.server || is("use server");
    }
    return found;
}

} // namespace

std::string_view toString(Directive directive) {
    switch (directive) {
    case Directive::None:
        return "none";
    case Directive::Client:
        return "client";
    case Directive::Server:
        return "server";
    }
    return "none";
}

DirectiveVerdict rwsdkDirective(std::string_view source) {
    constexpr std::size_t kHeadUnits = 512;
    // Both directives hold "use ", and 512 UTF-16 units span at most 3 bytes each: most files
    // have no "use " in those bytes and are done without measuring the head.
    if (source.substr(0, 3 * kHeadUnits).find("use ") == std::string_view::npos) {
        return {Directive::None, false};
    }
    const auto found = rwsdkDirectives(utf8::prefixByUtf16Units(source, kHeadUnits));
    if (found.client) {
        return {Directive::Client, found.server};
    }
    return {found.server ? Directive::Server : Directive::None, false};
}

} // namespace fanout

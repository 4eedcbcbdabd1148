// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/directive.h"

#include "base/text.h"
#include "fanout/io/utf8.h"

#include <string>

namespace fanout {
namespace {

using detail::startsWith;

// One directive at a time, as rwsdk asks: a line holding some other directive is just "a line that
// starts with a quote" and the search goes on.
bool rwsdkHasDirective(std::string_view head, std::string_view directive) {
    if (head.find(directive) == std::string_view::npos) {
        return false; // most files: no line can start with it quoted
    }
    const std::string doubleQuoted = "\"" + std::string(directive) + "\"";
    const std::string singleQuoted = "'" + std::string(directive) + "'";
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
        if (startsWith(line, doubleQuoted) || startsWith(line, singleQuoted)) {
            return true;
        }
        if (line.front() == '"' || line.front() == '\'') {
            continue;
        }
        return false;
    }
    return false;
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
    const auto head = utf8::prefixByUtf16Units(source, kHeadUnits);
    const bool client = rwsdkHasDirective(head, "use client");
    const bool server = rwsdkHasDirective(head, "use server");
    if (client) {
        return {Directive::Client, server};
    }
    return {server ? Directive::Server : Directive::None, false};
}

} // namespace fanout

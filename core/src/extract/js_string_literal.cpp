// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/js_string_literal.h"

#include <cstdint>

namespace fanout::detail {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Reads `count` hex digits at `at` (or up to '}' when count is 0); -1 when malformed.
long readHex(std::string_view text, std::size_t& at, std::size_t count) {
    long value = 0;
    std::size_t digits = 0;
    while (at < text.size() && (count == 0 ? text[at] != '}' : digits < count)) {
        const int digit = hexValue(text[at]);
        if (digit < 0 || value > 0x10FFFF) {
            return -1;
        }
        value = value * 16 + digit;
        ++at;
        ++digits;
    }
    if (digits == 0 || (count != 0 && digits != count)) {
        return -1;
    }
    return value;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD; // a lone surrogate has no UTF-8 form
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// \uXXXX or \u{X...}; `at` points after the 'u'. Surrogate pairs written as two escapes join.
long readUnicodeEscape(std::string_view body, std::size_t& at) {
    if (at < body.size() && body[at] == '{') {
        ++at;
        const long value = readHex(body, at, 0);
        if (value < 0 || value > 0x10FFFF || at >= body.size()) {
            return -1;
        }
        ++at; // '}'
        return value;
    }
    const long high = readHex(body, at, 4);
    if (high >= 0xD800 && high <= 0xDBFF && body.substr(at, 2) == "\\u") {
        std::size_t next = at + 2;
        const long low = readHex(body, next, 4);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            at = next;
            return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        }
    }
    return high;
}

} // namespace

std::string decodeJsStringBody(std::string_view body) {
    if (body.find('\\') == std::string_view::npos) {
        return std::string(body);
    }
    std::string out;
    out.reserve(body.size());
    std::size_t at = 0;
    while (at < body.size()) {
        const char c = body[at++];
        if (c != '\\' || at >= body.size()) {
            out += c;
            continue;
        }
        const char escaped = body[at++];
        switch (escaped) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'v':
            out += '\v';
            break;
        case '0':
            out += '\0';
            break;
        case '\r':
            if (at < body.size() && body[at] == '\n') {
                ++at;
            }
            break;
        case '\n':
            break;
        case 'x': {
            const long value = readHex(body, at, 2);
            if (value < 0) {
                out += 'x';
            } else {
                appendUtf8(out, static_cast<std::uint32_t>(value));
            }
            break;
        }
        case 'u': {
            const long value = readUnicodeEscape(body, at);
            if (value < 0) {
                out += 'u';
            } else {
                appendUtf8(out, static_cast<std::uint32_t>(value));
            }
            break;
        }
        default:
            out += escaped;
        }
    }
    return out;
}

} // namespace fanout::detail

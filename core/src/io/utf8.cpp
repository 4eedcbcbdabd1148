// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/utf8.h"

#include "base/byte_words.h"

#include <algorithm>
#include <cstdint>

namespace fanout::utf8 {
namespace {

struct Decoded {
    char32_t codePoint;
    std::size_t length; // bytes consumed; 1 for an invalid byte
    bool valid;
};

std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

Decoded decodeAt(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const auto length = sequenceLength(lead);
    if (length == 1) {
        return {lead, 1, true};
    }
    if (length == 0 || at + length > text.size()) {
        return {0xFFFD, 1, false};
    }
    char32_t cp = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) {
            return {0xFFFD, 1, false};
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    return {cp, length, true};
}

bool isJsWhitespace(char32_t cp) {
    switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

// Start of the code point that ends just before `end` (end > 0).
std::size_t previousStart(std::string_view text, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
        --start;
    }
    const auto decoded = decodeAt(text, start);
    return decoded.valid && start + decoded.length == end ? start : end - 1;
}

} // namespace

std::string_view prefixByUtf16Units(std::string_view text, std::size_t units) {
    // ASCII, one unit a byte, is taken without decoding (a file's first 512 units, every file).
    std::size_t at = 0;
    const std::size_t plain = std::min(text.size(), units);
    for (; at + 8 <= plain; at += 8) {
        if ((detail::words::load(text.data() + at) & detail::words::kHighBits) != 0) {
            break; // a byte of these eight is not ASCII: found one by one below
        }
    }
    while (at < plain && static_cast<unsigned char>(text[at]) < 0x80) {
        ++at;
    }
    std::size_t used = at;
    while (at < text.size()) {
        const auto decoded = decodeAt(text, at);
        const std::size_t cost = decoded.codePoint > 0xFFFF ? 2 : 1;
        if (used + cost > units) {
            break;
        }
        used += cost;
        at += decoded.length;
    }
    return text.substr(0, at);
}

std::string_view trimJsWhitespace(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const auto decoded = decodeAt(text, begin);
        if (!decoded.valid || !isJsWhitespace(decoded.codePoint)) {
            break;
        }
        begin += decoded.length;
    }
    std::size_t end = text.size();
    while (end > begin) {
        const auto start = previousStart(text, end);
        const auto decoded = decodeAt(text, start);
        if (!decoded.valid || start + decoded.length != end || !isJsWhitespace(decoded.codePoint)) {
            break;
        }
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string_view textProblem(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) {
        return "holds NUL bytes (a binary file?)";
    }
    for (std::size_t at = 0; at < text.size();) {
        const auto decoded = decodeAt(text, at);
        if (!decoded.valid) {
            return "is not valid UTF-8";
        }
        at += decoded.length;
    }
    return {};
}

} // namespace fanout::utf8

// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/compact_json.h"

#include "base/byte_words.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <limits>
#include <stdexcept>

namespace fanout::detail {

namespace {

// A byte that needs more than copying: a control character, a quote, a backslash, DEL, or any
// byte of a multi-byte UTF-8 sequence (checked and maybe replaced by nlohmann).
constexpr bool needsCare(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f;
}

// Whether `text` is printable ASCII without quotes or backslashes, eight bytes at a time: the
// scan JSON's paths and names are, and are most of its bytes.
bool isPlain(std::string_view text) {
    const char* at = text.data();
    const char* const end = at + text.size();
    for (; end - at >= 8; at += 8) {
        using namespace words;
        const std::uint64_t word = load(at);
        if (((word & kHighBits) | anyBelow(word, 0x20) | anyEqual(word, '"') |
             anyEqual(word, '\\') | anyEqual(word, 0x7f)) != 0) {
            return false;
        }
    }
    return std::none_of(at, end, [](char c) { return needsCare(static_cast<unsigned char>(c)); });
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    if (isPlain(text)) {
        const auto size = out.size();
        out.resize(size + text.size() + 2);
        char* at = out.data() + size;
        *at = '"';
        text.copy(at + 1, text.size()); // no copy at all when empty (its data may be null)
        at[text.size() + 1] = '"';
        return;
    }
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void QuotedStrings::add(std::string_view text) {
    const auto begin = m_text.size();
    appendJsonString(m_text, text);
    if (m_text.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("QuotedStrings: more than 4 GB of text");
    }
    m_spans.push_back(
        {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(m_text.size() - begin)});
}

void CompactJson::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        const std::uint64_t bit = std::uint64_t{1} << (m_depth - 1);
        if ((m_filled & bit) != 0) {
            m_out += ',';
        }
        m_filled |= bit;
    }
}

CompactJson& CompactJson::open(char bracket) {
    if (m_depth == kMaxDepth) {
        throw std::length_error("CompactJson: more than 64 nested objects or arrays");
    }
    separate();
    m_out += bracket;
    ++m_depth;
    m_filled &= ~(std::uint64_t{1} << (m_depth - 1));
    return *this;
}

CompactJson& CompactJson::close(char bracket) {
    m_out += bracket;
    --m_depth;
    return *this;
}

CompactJson& CompactJson::key(std::string_view name) {
    separate();
    appendJsonString(m_out, name);
    m_out += ':';
    m_afterKey = true;
    return *this;
}

CompactJson& CompactJson::value(std::string_view text) {
    separate();
    appendJsonString(m_out, text);
    return *this;
}

CompactJson& CompactJson::quoted(std::string_view json) {
    separate();
    m_out += json;
    return *this;
}

CompactJson& CompactJson::value(std::uint64_t number) {
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_out.append(digits, end);
    return *this;
}

CompactJson& CompactJson::value(bool flag) {
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

CompactJson& CompactJson::value(double number) {
    separate();
    m_out += nlohmann::json(number).dump();
    return *this;
}

CompactJson& CompactJson::null() {
    separate();
    m_out += "null";
    return *this;
}

} // namespace fanout::detail

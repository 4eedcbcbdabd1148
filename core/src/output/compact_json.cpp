// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/compact_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace fanout::detail {

void appendJsonString(std::string& out, std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
    });
    if (plain) { // printable ASCII only (a byte >= 0x80 reads as negative)
        out += '"';
        out += text;
        out += '"';
        return;
    }
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

CompactJson& CompactJson::null() {
    separate();
    m_out += "null";
    return *this;
}

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/compact_json.h"

#include "base/byte_words.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace fanout::detail {

namespace {

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

// A string that is not plain, as nlohmann writes it (quotes included, invalid UTF-8 replaced).
std::string escaped(std::string_view text) {
    return nlohmann::json(std::string(text))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    if (isPlain(text)) {
        out += '"';
        out += text;
        out += '"';
        return;
    }
    out += escaped(text);
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

CompactJson::~CompactJson() {
    if (m_stream != nullptr) {
        m_stream->write(m_out.data(), static_cast<std::streamsize>(m_end));
        m_end = 0;
    }
    m_out.resize(m_end);
}

void CompactJson::grow(std::size_t bytes) {
    if (m_stream != nullptr && m_end + bytes > kStreamedBytes) {
        m_stream->write(m_out.data(), static_cast<std::streamsize>(m_end));
        m_end = 0;
        if (m_out.size() >= bytes) {
            return;
        }
    }
    // A few hundred bytes at a time: an edge's line takes one or two, and what is zeroed past
    // the text stays small (the string is cut back to its text, line by line).
    constexpr std::size_t kRoom = 512;
    m_out.resize(m_end + std::max(bytes, kRoom));
}

void CompactJson::put(std::string_view text) {
    if (!text.empty()) { // an empty view's data may be null
        std::memcpy(room(text.size()), text.data(), text.size());
        m_end += text.size();
    }
}

CompactJson& CompactJson::open(char bracket) {
    if (m_depth == kMaxDepth) {
        throw std::length_error("CompactJson: more than 64 nested objects or arrays");
    }
    separate();
    put(bracket);
    ++m_depth;
    m_filled &= ~(std::uint64_t{1} << (m_depth - 1));
    return *this;
}

CompactJson& CompactJson::close(char bracket) {
    put(bracket);
    --m_depth;
    return *this;
}

CompactJson& CompactJson::keyText(std::string_view name) {
    value(name);
    put(':');
    m_afterKey = true;
    return *this;
}

CompactJson& CompactJson::value(std::string_view text) {
    separate();
    if (isPlain(text)) {
        char* at = room(text.size() + 2);
        *at = '"';
        if (!text.empty()) {
            std::memcpy(at + 1, text.data(), text.size());
        }
        at[text.size() + 1] = '"';
        m_end += text.size() + 2;
        return *this;
    }
    put(escaped(text));
    return *this;
}

CompactJson& CompactJson::quoted(std::string_view json) {
    separate();
    put(json);
    return *this;
}

CompactJson& CompactJson::value(std::uint64_t number) {
    separate();
    constexpr std::size_t kDigits = 24;
    char* at = room(kDigits);
    m_end = static_cast<std::size_t>(std::to_chars(at, at + kDigits, number).ptr - m_out.data());
    return *this;
}

CompactJson& CompactJson::value(bool flag) {
    separate();
    put(flag ? std::string_view("true") : std::string_view("false"));
    return *this;
}

CompactJson& CompactJson::value(double number) {
    separate();
    put(nlohmann::json(number).dump());
    return *this;
}

CompactJson& CompactJson::null() {
    separate();
    put(std::string_view("null"));
    return *this;
}

} // namespace fanout::detail

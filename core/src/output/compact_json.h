// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

// A byte that needs more than copying into a JSON string: a control character, a quote, a
// backslash, DEL, or any byte of a multi-byte UTF-8 sequence (checked and maybe replaced).
constexpr bool needsCare(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f;
}

// An object key written in the program: checked when the program is built (printable ASCII, no
// quote or backslash, at most 29 bytes) and kept as it is written, `"name":`, so that writing it
// is one copy. The scan JSON writes a few hundred thousand keys; checked and quoted one by one
// they were a tenth of a scan's instructions.
class JsonKey {
public:
    template <std::size_t N>
    consteval JsonKey(const char (&name)[N]) // NOLINT(google-explicit-constructor): a literal
    {
        static_assert(N >= 1 && N - 1 + 3 <= kCapacity, "JsonKey: a key of at most 29 bytes");
        m_text[0] = '"';
        for (std::size_t i = 0; i + 1 < N; ++i) {
            if (needsCare(static_cast<unsigned char>(name[i]))) {
                throw std::invalid_argument("JsonKey: a key that JSON must escape");
            }
            m_text[i + 1] = name[i];
        }
        m_text[N] = '"';
        m_text[N + 1] = ':';
        m_size = N + 2;
    }
    static constexpr std::size_t kCapacity = 32;

    std::string_view written() const { return {m_text, m_size}; }
    // All kCapacity bytes to `to` (a copy of known size, a few instructions), of which
    // written().size() count.
    void copyTo(char* to) const { std::memcpy(to, m_text, kCapacity); }

private:
    char m_text[kCapacity] = {};
    std::size_t m_size = 0;
};

// Writes compact JSON (no spaces) into a string, value by value, without building a document:
// the scan JSON's modules and edges, a few hundred thousand small objects, were 1.1 s of
// building and dumping nlohmann documents at 100,000 modules. The text is byte for byte what
// nlohmann's dump(-1) gives for the same document, with invalid UTF-8 replaced: strings that
// need no escaping are copied, the others are escaped by nlohmann itself.
//
// It appends to the string it is given, which holds exactly the text once the writer is gone:
// while writing, the string is kept longer than the text (with room for the next values), so
// that a value is copied into place rather than appended with a length check and a call each.
//
// Given a stream too, it writes its text there whenever it has kStreamedBytes of it, and when it
// is gone; the string is then only its buffer, left empty. Text of any length (a package's entry
// points: 1.2 MB on one line in an app with @mui/material) then takes no more memory than that.
class CompactJson {
public:
    explicit CompactJson(std::string& out) : m_out(out), m_end(out.size()) {}
    CompactJson(std::string& buffer, std::ostream& stream)
        : m_out(buffer), m_end(0), m_stream(&stream) {
        m_out.clear();
    }
    ~CompactJson();
    CompactJson(const CompactJson&) = delete;
    CompactJson& operator=(const CompactJson&) = delete;

    CompactJson& beginObject() { return open('{'); }
    CompactJson& endObject() { return close('}'); }
    CompactJson& beginArray() { return open('['); }
    CompactJson& endArray() { return close(']'); }
    // The next value's key, inside an object.
    CompactJson& key(const JsonKey& name) {
        separate();
        name.copyTo(room(JsonKey::kCapacity));
        m_end += name.written().size();
        m_afterKey = true;
        return *this;
    }
    // A key known only when the program runs, escaped as it needs.
    CompactJson& keyText(std::string_view name);
    CompactJson& value(std::string_view text);
    CompactJson& value(const char* text) { return value(std::string_view(text)); }
    CompactJson& value(std::uint64_t number);
    CompactJson& value(std::uint32_t number) { return value(std::uint64_t{number}); }
    CompactJson& value(bool flag);
    // As nlohmann writes a double (the shortest text that reads back the same; null when not
    // finite).
    CompactJson& value(double number);
    CompactJson& null();
    // A string already written as JSON (quotes included), e.g. by QuotedStrings.
    CompactJson& quoted(std::string_view json);
    // Text between values as it is (e.g. a line break between the values of a JSON Lines list,
    // each at the top level): no comma is put before it or before the value after it.
    CompactJson& between(std::string_view text) {
        put(text);
        return *this;
    }

    static constexpr std::size_t kStreamedBytes = 64 << 10;

private:
    // Before a value or key: a comma when the open object or array has a member already. Inline:
    // it comes before every value of the scan JSON.
    void separate() {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_depth > 0) {
            const std::uint64_t bit = std::uint64_t{1} << (m_depth - 1);
            if ((m_filled & bit) != 0) {
                put(',');
            }
            m_filled |= bit;
        }
    }
    CompactJson& open(char bracket);
    CompactJson& close(char bracket);
    // Where the next `bytes` bytes of text go: the string made longer first when it has not
    // that many past the text.
    char* room(std::size_t bytes) {
        if (m_out.size() - m_end < bytes) {
            grow(bytes);
        }
        return m_out.data() + m_end;
    }
    void grow(std::size_t bytes);
    void put(char c) {
        *room(1) = c;
        ++m_end;
    }
    void put(std::string_view text);

    static constexpr unsigned kMaxDepth = 64;

    std::string& m_out;
    // Where the text ends in m_out (what is past it is room, not text).
    std::size_t m_end;
    // Per open object or array, as a bit: whether it has a member yet (a comma comes before
    // the next). Bits, not a vector: one is made per module and per edge line.
    std::uint64_t m_filled = 0;
    unsigned m_depth = 0;
    bool m_afterKey = false;
    std::ostream* m_stream = nullptr; // where the text goes, when it is streamed
};

// `text` as a JSON string, quotes included, appended to `out`.
void appendJsonString(std::string& out, std::string_view text);

// Strings written as JSON once (quotes included) into one block of text, by index: the scan
// JSON's edges name two modules each, and writing their paths from the modules' own strings,
// spread all over the heap, was most of the time it took to write them.
class QuotedStrings {
public:
    void reserve(std::size_t count) { m_spans.reserve(count); }
    void add(std::string_view text);
    // The last string again, without writing it again (a file's modules share its path).
    void repeat() { m_spans.push_back(m_spans.back()); }
    std::string_view operator[](std::size_t index) const {
        const auto span = m_spans[index];
        return std::string_view(m_text).substr(span.begin, span.size);
    }
    std::size_t size() const { return m_spans.size(); }

private:
    struct Span {
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
    };
    std::string m_text;
    std::vector<Span> m_spans;
};

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

// Writes compact JSON (no spaces) into a string, value by value, without building a document:
// the scan JSON's modules and edges, a few hundred thousand small objects, were 1.1 s of
// building and dumping nlohmann documents at 100,000 modules. The text is byte for byte what
// nlohmann's dump(-1) gives for the same document, with invalid UTF-8 replaced: strings that
// need no escaping are copied, the others are escaped by nlohmann itself.
class CompactJson {
public:
    explicit CompactJson(std::string& out) : m_out(out) {}

    CompactJson& beginObject() { return open('{'); }
    CompactJson& endObject() { return close('}'); }
    CompactJson& beginArray() { return open('['); }
    CompactJson& endArray() { return close(']'); }
    // The next value's key, inside an object.
    CompactJson& key(std::string_view name);
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

private:
    void separate();
    CompactJson& open(char bracket);
    CompactJson& close(char bracket);

    static constexpr unsigned kMaxDepth = 64;

    std::string& m_out;
    // Per open object or array, as a bit: whether it has a member yet (a comma comes before
    // the next). Bits, not a vector: one is made per module and per edge line.
    std::uint64_t m_filled = 0;
    unsigned m_depth = 0;
    bool m_afterKey = false;
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

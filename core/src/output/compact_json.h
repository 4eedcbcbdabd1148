// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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
    CompactJson& null();

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

} // namespace fanout::detail

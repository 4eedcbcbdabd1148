// SPDX-License-Identifier: GPL-3.0-or-later
#include "output/compact_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

namespace fanout::detail {
namespace {

using Json = nlohmann::ordered_json;

std::string nlohmannText(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const std::vector<std::string>& awkwardStrings() {
    static const std::vector<std::string> strings{
        "",
        "src/components/Button.tsx",
        "say \"hi\"",
        "C:\\path\\file.js",
        std::string("nul\0byte", 8),
        "tab\there\nnewline\rreturn\bback\fform",
        "\x01\x1f control",
        "del \x7f",
        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",        // valid UTF-8: é, €, an emoji
        "bad \xff byte",                                    // invalid UTF-8
        "cut \xe2\x82",                                     // a sequence cut short
        "overlong \xc0\xaf and surrogate \xed\xa0\x80 end", // both invalid
        "</script>",
    };
    return strings;
}

TEST(CompactJson, StringsAreWhatNlohmannWrites) {
    for (const auto& text : awkwardStrings()) {
        std::string ours;
        appendJsonString(ours, text);
        EXPECT_EQ(ours, nlohmannText(Json(text)))
            << "for " << Json(text).dump(-1, ' ', true, Json::error_handler_t::replace);
    }
}

// Plain strings are told from the others eight bytes at a time: a byte that needs care is found
// at every place of a word and of the tail after the words, and bytes next to it do not hide it.
TEST(CompactJson, EveryByteThatNeedsCareIsFoundWhereverItIs) {
    const std::string careful{'\0', '\x01', '\x1f', '"', '\\', '\x7f', '\x80', '\xc3', '\xff'};
    for (std::size_t size = 1; size <= 19; ++size) {
        for (std::size_t at = 0; at < size; ++at) {
            for (const char byte : careful) {
                for (const char around : {' ', '~', '!', '#', '[', ']'}) {
                    std::string text(size, around);
                    text[at] = byte;
                    std::string ours;
                    appendJsonString(ours, text);
                    ASSERT_EQ(ours, nlohmannText(Json(text)))
                        << "byte " << static_cast<int>(static_cast<unsigned char>(byte)) << " at "
                        << at << " of " << size;
                }
            }
        }
        const std::string plain(size, '~');
        std::string empty = "x";
        appendJsonString(empty, std::string_view()); // no characters, and no data pointer
        EXPECT_EQ(empty, "x\"\"");
        std::string ours = "x";
        appendJsonString(ours, plain);
        EXPECT_EQ(ours, "x\"" + plain + "\"");
    }
}

TEST(CompactJson, DocumentsAreWhatNlohmannWrites) {
    std::string ours;
    Json theirs = Json::object();
    { // the string holds the text once the writer is gone
        CompactJson json(ours);
        json.beginObject();
        json.key("empty object").beginObject().endObject();
        theirs["empty object"] = Json::object();
        json.key("empty array").beginArray().endArray();
        theirs["empty array"] = Json::array();
        json.key("numbers").beginArray();
        Json numbers = Json::array();
        for (const std::uint64_t number :
             {std::uint64_t{0}, std::uint64_t{7}, std::uint64_t{1234567890},
              std::numeric_limits<std::uint64_t>::max()}) {
            json.value(number);
            numbers.push_back(number);
        }
        json.value(std::uint32_t{42});
        numbers.push_back(std::uint32_t{42});
        for (const double number :
             {0.0, -0.0, 0.5, 1.0 / 3, 2.0 / 3, 1e-7, 123456789.125, 1e300,
              std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
            json.value(number);
            numbers.push_back(number);
        }
        json.endArray();
        theirs["numbers"] = numbers;
        json.key("flags").beginArray().value(true).value(false).null().endArray();
        theirs["flags"] = Json::array({true, false, nullptr});
        json.key("strings").beginArray();
        for (const auto& text : awkwardStrings()) {
            json.value(text);
        }
        json.endArray();
        theirs["strings"] = awkwardStrings();
        json.key("nested").beginArray();
        Json nested = Json::array();
        for (const auto& text : awkwardStrings()) {
            json.beginObject().keyText(text).value(text).key("list").beginArray();
            json.beginArray().endArray().beginObject().key("x").null().endObject().endArray();
            json.endObject();
            Json element = Json::object();
            element[text] = text;
            element["list"] = Json::array({Json::array(), Json{{"x", nullptr}}});
            nested.push_back(element);
        }
        json.endArray();
        theirs["nested"] = nested;
        json.endObject();
    }
    EXPECT_EQ(ours, nlohmannText(theirs));
    // What was written parses back to the document (invalid UTF-8 aside, which both replace).
    EXPECT_EQ(Json::parse(ours), Json::parse(nlohmannText(theirs)));
}

// The open objects and arrays are kept as 64 bits: 64 levels are written as nlohmann does (a
// comma after each level's first member), a 65th is refused rather than written wrong.
TEST(CompactJson, SixtyFourLevelsNestAndASixtyFifthIsRefused) {
    std::string ours;
    {
        CompactJson json(ours);
        for (int depth = 0; depth < 64; ++depth) {
            json.beginArray().value(std::uint32_t{1}).value(std::uint32_t{2});
        }
        EXPECT_THROW(json.beginArray(), std::length_error);
        for (int depth = 0; depth < 64; ++depth) {
            json.value(std::uint32_t{3}).endArray();
        }
    }
    Json theirs = Json::array({1, 2, 3});
    for (int depth = 1; depth < 64; ++depth) {
        theirs = Json::array({1, 2, theirs, 3});
    }
    EXPECT_EQ(ours, nlohmannText(theirs));
}

// The writer keeps room past the text while it writes: what the string held before stays, values
// longer than that room and many values in a row come out whole, and the string holds exactly
// the text once the writer is gone.
TEST(CompactJson, TheStringHoldsExactlyTheTextOnceTheWriterIsGone) {
    std::string ours = "before:";
    Json theirs = Json::array();
    {
        CompactJson json(ours);
        json.beginArray();
        for (std::size_t size = 0; size < 1500; size += 7) {
            const std::string text(size, static_cast<char>('a' + size % 26));
            json.value(text).value(std::uint64_t{size}).beginObject();
            json.key("a_key_of_twenty_nine_bytes___").value(size % 2 == 0).endObject();
            theirs.push_back(text);
            theirs.push_back(size);
            theirs.push_back(Json{{"a_key_of_twenty_nine_bytes___", size % 2 == 0}});
        }
        json.endArray();
    }
    EXPECT_EQ(ours, "before:" + nlohmannText(theirs));
    {
        CompactJson json(ours); // written after it again, and nothing more when nothing is written
    }
    EXPECT_EQ(ours, "before:" + nlohmannText(theirs));
}

// Streamed, the text is the same, and it reaches the stream in pieces of at most kStreamedBytes
// while the buffer stays that small, however long a value or the whole text is.
TEST(CompactJson, StreamedTextIsTheSameAndItsBufferStaysSmall) {
    // Counts what is written and the largest single write.
    class Counting : public std::streambuf {
    public:
        std::string text;
        std::size_t largestWrite = 0;

    protected:
        std::streamsize xsputn(const char* s, std::streamsize n) override {
            text.append(s, static_cast<std::size_t>(n));
            largestWrite = std::max(largestWrite, static_cast<std::size_t>(n));
            return n;
        }
        int_type overflow(int_type c) override {
            text += traits_type::to_char_type(c);
            return c;
        }
    };
    const std::string longValue(3 * CompactJson::kStreamedBytes, 'v');
    const auto writeAll = [&](CompactJson& json) {
        for (int line = 0; line < 3; ++line) {
            json.between(line == 0 ? "\n" : ",\n").beginObject();
            json.key("long").value(longValue).key("items").beginArray();
            for (std::uint64_t i = 0; i < 20000; ++i) {
                json.value(i);
            }
            json.endArray().endObject();
        }
    };
    std::string whole;
    {
        CompactJson json(whole);
        writeAll(json);
    }
    Counting counting;
    std::ostream stream(&counting);
    std::string buffer = "dropped";
    std::size_t largestBuffer = 0;
    {
        CompactJson json(buffer, stream);
        writeAll(json);
        largestBuffer = buffer.capacity();
    }
    EXPECT_EQ(counting.text, whole);
    EXPECT_TRUE(buffer.empty());
    // The long value goes out in one piece, with at most the few hundred bytes of room after it.
    EXPECT_LT(counting.largestWrite, longValue.size() + 1024);
    EXPECT_LT(largestBuffer, 2 * longValue.size());
    EXPECT_GT(whole.size(), 2 * longValue.size() + 3 * 20000 * 2);
}

// Quoted once, found by index; a repeated string is the same text, not written again.
TEST(CompactJson, QuotedStringsAreFoundByIndex) {
    QuotedStrings quoted;
    quoted.add("src/a.js");
    quoted.repeat();
    quoted.add("say \"hi\"");
    quoted.add("");
    ASSERT_EQ(quoted.size(), 4u);
    EXPECT_EQ(quoted[0], "\"src/a.js\"");
    EXPECT_EQ(quoted[1], "\"src/a.js\"");
    EXPECT_EQ(quoted[1].data(), quoted[0].data());
    EXPECT_EQ(quoted[2], nlohmannText(Json("say \"hi\"")));
    EXPECT_EQ(quoted[3], "\"\"");
    std::string ours;
    CompactJson(ours).beginArray().quoted(quoted[0]).quoted(quoted[2]).endArray();
    EXPECT_EQ(ours, nlohmannText(Json::array({"src/a.js", "say \"hi\""})));
}

} // namespace
} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/jsonc.h"

#include "fanout/io/file_reader.h"

namespace fanout::detail {
namespace {

// Skips white space and comments from `at`; returns the index of the next significant byte.
std::size_t skipInsignificant(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        const char c = text[at];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++at;
        } else if (text.substr(at, 2) == "//") {
            const auto end = text.find('\n', at);
            at = end == std::string_view::npos ? text.size() : end + 1;
        } else if (text.substr(at, 2) == "/*") {
            const auto end = text.find("*/", at + 2);
            at = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return at;
}

// Walks the significant text, strings skipped whole, and calls `onComment(at)` at each comment
// and `onComma(at, next)` at each comma outside strings, `next` being the byte after it that is
// neither white space nor comment.
template <typename OnComment, typename OnComma>
void walkJsonc(std::string_view text, OnComment onComment, OnComma onComma) {
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (c == '"') {
            ++at;
            while (at < text.size() && text[at] != '"') {
                at += text[at] == '\\' ? 2 : 1;
            }
            ++at;
        } else if (text.substr(at, 2) == "//" || text.substr(at, 2) == "/*") {
            onComment(at);
            at = skipInsignificant(text, at);
        } else if (c == ',') {
            onComma(at, skipInsignificant(text, at + 1));
            ++at;
        } else {
            ++at;
        }
    }
}

} // namespace

std::string blankTrailingCommas(std::string_view text) {
    std::string out(text);
    walkJsonc(
        text, [](std::size_t) {},
        [&](std::size_t at, std::size_t next) {
            if (next < text.size() && (text[next] == '}' || text[next] == ']')) {
                out[at] = ' ';
            }
        });
    return out;
}

bool hasComments(std::string_view text) {
    bool found = false;
    walkJsonc(
        text, [&](std::size_t) { found = true; }, [](std::size_t, std::size_t) {});
    return found;
}

nlohmann::ordered_json parseJsonc(std::string_view text) {
    const std::string cleaned = blankTrailingCommas(text);
    return nlohmann::ordered_json::parse(cleaned, nullptr, true, true);
}

JsonFile readJsonFile(const std::string& path, bool comments) {
    JsonFile out;
    const auto contents = readFile(path);
    if (!contents.ok()) {
        out.readError = contents.error;
        return out;
    }
    out.identity = contents.identity;
    out.hash = contentHash(contents.bytes);
    try {
        out.json =
            comments ? parseJsonc(contents.bytes) : nlohmann::ordered_json::parse(contents.bytes);
    } catch (const nlohmann::json::exception& error) {
        out.parseError = error.what();
    }
    return out;
}

} // namespace fanout::detail

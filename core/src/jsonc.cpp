#include "jsonc.h"

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

} // namespace

std::string blankTrailingCommas(std::string_view text) {
    std::string out(text);
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
            at = skipInsignificant(text, at);
        } else if (c == ',') {
            const auto next = skipInsignificant(text, at + 1);
            if (next < text.size() && (text[next] == '}' || text[next] == ']')) {
                out[at] = ' ';
            }
            ++at;
        } else {
            ++at;
        }
    }
    return out;
}

nlohmann::ordered_json parseJsonc(std::string_view text) {
    const std::string cleaned = blankTrailingCommas(text);
    return nlohmann::ordered_json::parse(cleaned, nullptr, true, true);
}

} // namespace fanout::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/extract/grammar.h"

#include <array>
#include <utility>

namespace fanout {

std::string_view toString(Grammar grammar) {
    return grammar == Grammar::TypeScript ? "typescript" : "tsx";
}

std::optional<Grammar> grammarForPath(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, Grammar>, 8> table{{
        {".ts", Grammar::TypeScript},
        {".mts", Grammar::TypeScript},
        {".cts", Grammar::TypeScript},
        {".tsx", Grammar::Tsx},
        {".js", Grammar::Tsx},
        {".jsx", Grammar::Tsx},
        {".mjs", Grammar::Tsx},
        {".cjs", Grammar::Tsx},
    }};
    const auto slash = path.find_last_of('/');
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) {
        return std::nullopt;
    }
    const auto extension = name.substr(dot);
    for (const auto& [suffix, grammar] : table) {
        if (extension == suffix) {
            return grammar;
        }
    }
    return std::nullopt;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace fanout::cli {

// Makes `option` take one of the names of `choices` (any letter case) and store its value. A
// wrong word is refused with the list of names: CLI11's transformer alone prints its internal
// map ("value in {rwsdk->,spec->}") in the help and the error.
template <typename T>
CLI::Option* choiceOf(CLI::Option* option, const std::map<std::string, T>& choices) {
    std::vector<std::string> names;
    names.reserve(choices.size());
    for (const auto& entry : choices) {
        names.push_back(entry.first);
    }
    // CLI11 runs transforms before checks, the last added first: the word is matched to a name
    // (which also folds its case), then mapped to the value.
    option->transform(CLI::CheckedTransformer(choices, CLI::ignore_case).description(""));
    option->transform(CLI::IsMember(names, CLI::ignore_case).description(""));
    return option;
}

} // namespace fanout::cli

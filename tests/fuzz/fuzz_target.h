// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// Each fuzz target is one function. Built with libFuzzer (FANOUT_LIBFUZZER) it is the fuzzer's
// entry point; otherwise it is an ordinary function that the replay test feeds the corpus to, so
// that every input that ever crashed stays a regression test in the normal build.
#ifdef FANOUT_LIBFUZZER
#define FANOUT_FUZZ_TARGET(name)                                                                   \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#else
#define FANOUT_FUZZ_TARGET(name) int fanoutFuzz_##name(const std::uint8_t* data, std::size_t size)
#endif

namespace fanout::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Splits off the first line: the fuzzers read a small header (a specifier, conditions) this way.
inline std::string_view takeLine(std::string_view& text) {
    const auto newline = text.find('\n');
    const auto line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    return line;
}

} // namespace fanout::fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/extract/grammar.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace fanout {

// A bundler config file (next.config.mjs, vite.config.ts) read without running it: the object it
// exports — `export default {...}`, `export default defineConfig({...})`, `module.exports =
// {...}`, or a top-level `const config = {...}` exported by name — as JSON. Literals (strings,
// plain templates, numbers, booleans, null, arrays, objects with plain keys) become their value;
// a regular expression literal becomes {"$regex": "pattern", "flags": "gi"}; anything else (a
// variable, a call, a spread, a function) becomes {"$nonLiteral": "its text"}.
struct StaticConfig {
    nlohmann::ordered_json value; // null when no exported object was found
    std::string problem;          // why, when value is null
};

StaticConfig readStaticConfig(std::string_view source, Grammar grammar);

// Whether a value of a StaticConfig is code that was not read (a variable, a call, ...).
bool isNonLiteral(const nlohmann::ordered_json& value);

} // namespace fanout

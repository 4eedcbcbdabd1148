// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/file_identity.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace fanout::detail {

// Parses JSON with comments and trailing commas, as tsconfig.json allows. Comments are left to
// nlohmann's own support; trailing commas (which it rejects) are blanked out first by a scan that
// knows strings and comments. Throws nlohmann::json::parse_error on malformed input.
nlohmann::ordered_json parseJsonc(std::string_view text);

// A JSON file read and parsed: `json` when both worked; otherwise `readError` (the file could not
// be read: the reader's sentence) or `parseError` (nlohmann's message) says why.
struct JsonFile {
    nlohmann::ordered_json json;
    std::string readError;
    std::string parseError;
    // The file as it was read (for a cache that must know when it changes).
    FileIdentity identity;
    std::uint64_t hash = 0;
    bool ok() const { return readError.empty() && parseError.empty(); }
};

// Reads and parses `path` as JSONC (comments and trailing commas, as tsconfig.json allows), or as
// strict JSON when `comments` is false (package.json, as Node reads it).
JsonFile readJsonFile(const std::string& path, bool comments = true);

// The text with every comma that only precedes `}` or `]` (white space and comments between)
// replaced by a space, so offsets in error messages still match the file.
std::string blankTrailingCommas(std::string_view text);

// Whether the text holds a comment outside strings (a rewrite through a JSON library loses it).
bool hasComments(std::string_view text);

} // namespace fanout::detail

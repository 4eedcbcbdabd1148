#pragma once

#include <string>
#include <string_view>

namespace fanout {

// Writes `contents` to a temporary file beside `path`, flushes it to disk and renames it over
// `path`, so a reader (or a crash) only ever sees the old file or the complete new one.
// Returns an empty string on success, else what went wrong.
std::string writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace fanout

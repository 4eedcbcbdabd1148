// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace fanout {

// Writes `contents` to a new file in `path`'s folder (unnamed until complete, on Linux), flushes
// it to disk and renames it over `path`, so a reader, a crash or a kill only ever sees the old
// file or the complete new one, and leaves no temporary behind.
// A `path` that names a stream rather than a file (a device such as /dev/null, a FIFO, a link to
// an open file such as /dev/stdout) is written to as the contents are produced, never replaced.
// Returns an empty string on success, else what went wrong.
std::string writeFileAtomically(const std::string& path, std::string_view contents);

// Synced: on disk before it is renamed into place. Unsynced: not waited for (a crash may leave an
// empty or partly written file), for caches that verify what they read.
enum class Durability : unsigned char { Synced, Unsynced };

// The same, with the contents streamed by `write` (large documents are never held whole).
// `write` returns false when it could not produce the contents; the old file then stays.
std::string writeFileAtomically(const std::string& path,
                                const std::function<bool(std::ostream&)>& write,
                                Durability durability = Durability::Synced);

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct stat;

namespace fanout {

// What stat() says of a file, enough to tell that it changed without reading it: the same device,
// inode, size, mode and nanosecond modification and change times. A path that could not be
// stat()ed has mode 0.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::int64_t ctimeNs = 0;
    std::uint32_t mode = 0;

    bool exists() const { return mode != 0; }
    bool operator==(const FileIdentity&) const = default;
    // Changed at or after `sinceNs` (or stamped in the future by a skewed clock): two writes
    // within one timestamp tick cannot be told apart by it, so its contents must be compared.
    bool touchedSince(std::int64_t sinceNs) const {
        return mtimeNs >= sinceNs || ctimeNs >= sinceNs;
    }
};

// A file a result depends on, as it was read: its identity and the hash of what was read.
struct FileRecord {
    std::string path;
    FileIdentity identity;
    std::uint64_t hash = 0;
    bool lexed = false; // a script read by the import lexer (else by tree-sitter, or not a script)
};

FileIdentity identityOf(const struct stat& info);
// stat() of `path` (following symbolic links); mode 0 when it cannot be stat()ed.
FileIdentity statIdentity(const std::string& path);
// The real-time clock, in nanoseconds since the epoch (what file times are measured in).
std::int64_t wallClockNs();

// A 64-bit hash of file contents, the same on every build and machine (stored in caches).
std::uint64_t contentHash(std::string_view bytes);

} // namespace fanout

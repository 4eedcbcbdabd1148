// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/file_identity.h"

#include <cstdint>
#include <string>

namespace fanout {

// The largest file read and parsed unless a configuration says otherwise: 16 MiB is above the
// largest real bundles seen in node_modules (plotly.js, ~9 MB) and keeps a parse tree in the
// hundreds of megabytes at worst.
inline constexpr std::uint64_t kDefaultMaxFileBytes = 16ull << 20;

struct FileContents {
    std::string bytes;
    std::string error;     // empty on success; otherwise a sentence naming the problem
    bool tooLarge = false; // refused for its size; `size` is what it had when refused
    std::uint64_t size = 0;
    // What fstat() said of the open file before it was read (a change while reading shows as a
    // later identity, never as an earlier one).
    FileIdentity identity;
    bool ok() const { return error.empty(); }
};

// Reads a whole regular file of at most `maxBytes`. Directories, devices and FIFOs are refused
// rather than read, and so is a file larger than the limit (or one that grows past it while it is
// read), so a hostile tree can make a read neither block nor run away.
//
// `buffer`: a string whose block the bytes are read into when it is large enough (a reader of many
// files hands back the bytes of the last one; a new block per file makes the heap creep through
// fresh pages, each a page fault).
FileContents readFile(const std::string& path, std::uint64_t maxBytes = kDefaultMaxFileBytes,
                      std::string buffer = {});

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/io/file_identity.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fanout {

// A question the resolver asked the file system, with the answer the scan got.
struct PathAnswer {
    enum class Question : unsigned char {
        Type,     // what kind of entry `path` is: `type` (missing, file, folder, other)
        RealPath, // its real path: `text`
        Spelling, // how its folder spells its last name, ignoring letter case: `text`
    };
    std::string path;
    Question question = Question::Type;
    unsigned char type = 0;
    std::optional<std::string> text;
    // Answered by stat()/lstat()/realpath() rather than from its folder's listing (a symbolic
    // link, an unlisted folder): the folder's identity does not vouch for it.
    bool answeredByStat = false;

    // Whether its folder's identity vouches for it, so that a check asks it again only when that
    // folder changed: answered from the listing and, for a real path, one that was found.
    bool vouchedByFolder() const {
        return !answeredByStat && (question != Question::RealPath || text.has_value());
    }
};

// A folder the resolver listed, as fstat() saw it before the listing was read.
struct FolderRead {
    std::string path;
    FileIdentity identity;
};

// Everything a scan's result depends on besides its configuration: what it read and what it
// asked of the file system. With the same configuration, the same inputs give the same result.
struct ScanInputs {
    std::int64_t startedNs = 0;        // the wall clock when the scan began
    std::vector<FileRecord> files;     // every file the scan read or tried to (hash of its bytes)
    std::vector<FileRecord> manifests; // package.json and tsconfig files the resolver read
    std::vector<FolderRead> folders;
    std::vector<PathAnswer> answers;
};

} // namespace fanout

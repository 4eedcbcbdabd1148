// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fanout::testing {

// One hostile thing in the tree and the path a scan's diagnostics must name for it.
struct HostileCase {
    std::string what;
    std::string path; // absolute; "" when the case only has to be survived
};

struct HostileTreeOptions {
    bool hugeFile = true; // a 100 MB minified bundle (over the default parse limit)
};

// Writes a project under `root` whose entry `src/index.js` imports everything a stranger's tree
// can hold: symlink loops (file and folder), broken links, unreadable files and folders, a huge
// minified bundle, binary and invalid UTF-8 files, NUL bytes, 1,000-deep folders, very long
// names and specifiers, pathological package.json `exports`/`imports`, tsconfig `extends` cycles,
// malformed JSON of every kind and a package.json that is a folder. Returns the cases.
std::vector<HostileCase> writeHostileTree(const std::filesystem::path& root,
                                          const HostileTreeOptions& options = {});

} // namespace fanout::testing

#pragma once

#include <string>

namespace fanout {

struct FileContents {
    std::string bytes;
    std::string error; // empty on success; otherwise a sentence naming the problem
    bool ok() const { return error.empty(); }
};

// Reads a whole regular file. Directories, devices and FIFOs are refused rather than read, so a
// hostile tree cannot make a read block forever.
FileContents readFile(const std::string& path);

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace fanout {

// A regular file mapped read-only into memory: its bytes read where the page cache holds them,
// neither copied nor zeroed first. For files Fanout writes whole and replaces by renaming (a
// mapping keeps the file it was made of), never for the project's own files.
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    // What map() says of a file that does not exist.
    static constexpr std::string_view kMissing = "no such file";

    // "" when `path` is a regular file now mapped (an empty one maps to no bytes), else why not,
    // as a sentence; kMissing when it does not exist.
    std::string map(const std::string& path);
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    void unmap();
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace fanout

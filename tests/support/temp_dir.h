// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>

namespace fanout::testing {

// A fresh folder under the system temp directory, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    // Writes a file (creating parent folders) and returns its path.
    std::filesystem::path write(const std::filesystem::path& relative, std::string_view contents);

private:
    std::filesystem::path m_path;
};

} // namespace fanout::testing

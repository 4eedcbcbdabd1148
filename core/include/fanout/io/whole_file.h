// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fanout {

// A regular file open for reading, in parts if need be: the same file however it is renamed,
// replaced or removed while open.
class OpenedFile {
public:
    OpenedFile() = default;
    OpenedFile(OpenedFile&& other) noexcept;
    OpenedFile& operator=(OpenedFile&& other) noexcept;
    OpenedFile(const OpenedFile&) = delete;
    OpenedFile& operator=(const OpenedFile&) = delete;
    ~OpenedFile();

    // "" when `path` is a regular file now open, else why not, as a sentence; WholeFile::kMissing
    // when it does not exist.
    std::string open(const std::string& path);
    int descriptor() const { return m_fd; }
    // Fills `into` with `size` bytes from `offset` on: "" when read, else why not (the file cut
    // short since it was opened, say).
    std::string readAt(std::uint64_t offset, void* into, std::size_t size) const;
    std::uint64_t size() const { return m_size; } // when opened

private:
    void close();
    int m_fd = -1;
    std::uint64_t m_size = 0;
};

// A regular file's bytes, read whole into memory of their own (an anonymous mapping). A copy: the
// bytes stay as they were when the file changes, is replaced or moved. For files Fanout writes
// itself (its scan cache), not the project's files. Released memory is kept for the next reads, up
// to two mappings and 64 MiB (pooledBytes()).
class WholeFile {
public:
    WholeFile() = default;
    WholeFile(WholeFile&& other) noexcept;
    WholeFile& operator=(WholeFile&& other) noexcept;
    WholeFile(const WholeFile&) = delete;
    WholeFile& operator=(const WholeFile&) = delete;
    ~WholeFile();

    // What read() says of a file that does not exist.
    static constexpr std::string_view kMissing = "no such file";

    // "" when `path` is a regular file now read (an empty one reads as no bytes), else why not,
    // as a sentence; kMissing when it does not exist.
    std::string read(const std::string& path);
    // `size` bytes of `file` from `offset` on: "" when read, else why not (the file cut short
    // since it was opened, say).
    std::string read(const OpenedFile& file, std::uint64_t offset, std::size_t size);
    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

    // The memory of released files kept for the next reads (a read into memory already there
    // costs no page clearing).
    static std::size_t pooledBytes();
    // Gives that memory back to the system.
    static void releasePooled();

private:
    void release();
    void* m_data = nullptr;
    std::size_t m_size = 0;     // the bytes read
    std::size_t m_capacity = 0; // the mapping's length
};

} // namespace fanout

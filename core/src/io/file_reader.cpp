// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/file_reader.h"

#include "fanout/base/size_format.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fanout {
namespace {

std::string systemError(int error) {
    return std::strerror(error);
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

FileContents readFile(const std::string& path, std::uint64_t maxBytes, std::string buffer) {
    FileContents out;
    out.bytes = std::move(buffer);
    out.bytes.clear();
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        out.error = systemError(errno);
        return out;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        out.error = systemError(errno);
        return out;
    }
    out.identity = identityOf(info);
    if (S_ISDIR(info.st_mode)) {
        out.error = "is a directory";
        return out;
    }
    if (!S_ISREG(info.st_mode)) {
        out.error = "not a regular file";
        return out;
    }
    const auto refuseSize = [&](std::uint64_t size) {
        out.bytes.clear();
        out.bytes.shrink_to_fit();
        out.tooLarge = true;
        out.size = size;
        out.error = formatSize(size) + ", over the " + formatSize(maxBytes) + " limit for a file";
        return out;
    };
    if (static_cast<std::uint64_t>(info.st_size) > maxBytes) {
        return refuseSize(static_cast<std::uint64_t>(info.st_size));
    }
    // One byte more than the size: the read that meets the end needs room, and making room then
    // would copy the whole file (7 % of a scan's CPU when it did).
    out.bytes.resize(static_cast<std::size_t>(info.st_size) + 1);
    std::size_t filled = 0;
    // The size can change under us (a file being written): a file that grew is read to its end.
    for (;;) {
        if (filled == out.bytes.size()) {
            out.bytes.resize(out.bytes.size() + 4096);
        }
        const ssize_t got = ::read(fd.get(), out.bytes.data() + filled, out.bytes.size() - filled);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            out.error = systemError(errno);
            out.bytes.clear();
            return out;
        }
        if (got == 0) {
            break;
        }
        filled += static_cast<std::size_t>(got);
        if (filled > maxBytes) {
            return refuseSize(filled); // it grew while being read
        }
        if (filled == static_cast<std::size_t>(info.st_size) && filled < out.bytes.size()) {
            break; // the size it had, and not the byte beyond: the end, without one more read
        }
    }
    out.size = filled;
    out.bytes.resize(filled);
    return out;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/whole_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace fanout {
namespace {

// The size of a transparent huge page on x86-64 and arm64 (with 4 KiB base pages): mappings are
// made of whole ones, so that the kernel can back all of a mapping with them.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

} // namespace

WholeFile::WholeFile(WholeFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_capacity(std::exchange(other.m_capacity, 0)) {}

WholeFile& WholeFile::operator=(WholeFile&& other) noexcept {
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

WholeFile::~WholeFile() {
    release();
}

void WholeFile::release() {
    if (m_data != nullptr) {
        ::munmap(m_data, m_capacity);
    }
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
}

std::string WholeFile::read(const std::string& path) {
    release();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        return errno == ENOENT ? std::string(kMissing) : std::strerror(errno);
    }
    struct stat info {};
    std::string problem;
    if (::fstat(fd, &info) != 0) {
        problem = std::strerror(errno);
    } else if (!S_ISREG(info.st_mode)) {
        problem = "not a regular file";
    } else if (info.st_size > 0) {
        const auto size = static_cast<std::size_t>(info.st_size);
        const auto capacity = (size + kHugePage - 1) / kHugePage * kHugePage;
        void* data =
            ::mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (data == MAP_FAILED) {
            problem = std::strerror(errno);
        } else {
            // Advice only: where the kernel gives no huge pages the bytes land on small ones.
            ::madvise(data, capacity, MADV_HUGEPAGE);
            m_data = data;
            m_capacity = capacity;
            auto* into = static_cast<char*>(data);
            while (m_size < size) {
                const auto got = ::read(fd, into + m_size, size - m_size);
                if (got < 0 && errno == EINTR) {
                    continue;
                }
                if (got <= 0) {
                    // An error, or the file cut short while read: what was read is not the file.
                    problem = got < 0 ? std::strerror(errno) : "the file shrank while it was read";
                    release();
                    break;
                }
                m_size += static_cast<std::size_t>(got);
            }
        }
    }
    ::close(fd);
    return problem;
}

} // namespace fanout

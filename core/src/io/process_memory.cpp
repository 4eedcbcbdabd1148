// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/process_memory.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace fanout {
namespace {

// Read once: the profiler asks for every process on the machine ten times a second.
std::uint64_t pageSize() {
    static const auto kPageSize = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return kPageSize;
}

} // namespace

std::uint64_t residentBytes(int pid) {
    const std::string path =
        pid == 0 ? std::string("/proc/self/statm") : "/proc/" + std::to_string(pid) + "/statm";
    std::FILE* file = std::fopen(path.c_str(), "r");
    if (file == nullptr) {
        return 0;
    }
    unsigned long long size = 0;
    unsigned long long resident = 0;
    const int read = std::fscanf(file, "%llu %llu", &size, &resident);
    std::fclose(file);
    if (read != 2) {
        return 0;
    }
    return resident * pageSize();
}

std::uint64_t peakResidentBytes() {
    std::FILE* file = std::fopen("/proc/self/status", "r");
    if (file == nullptr) {
        return 0;
    }
    std::uint64_t peak = 0;
    char line[256];
    while (std::fgets(line, sizeof line, file) != nullptr) {
        unsigned long long kilobytes = 0;
        if (std::sscanf(line, "VmHWM: %llu kB", &kilobytes) == 1) {
            peak = kilobytes * 1024;
            break;
        }
    }
    std::fclose(file);
    return peak;
}

bool makeResident(void* data, std::size_t bytes, std::size_t minimumBytes) {
#ifndef MADV_POPULATE_WRITE
    constexpr int MADV_POPULATE_WRITE = 23; // Linux 5.14; older kernels refuse it (EINVAL)
#endif
    if (bytes < minimumBytes || data == nullptr) {
        return false;
    }
    const auto kPageSize = static_cast<std::uintptr_t>(pageSize());
    auto* const begin = static_cast<char*>(data);
    const auto address = reinterpret_cast<std::uintptr_t>(begin);
    const std::size_t head =
        (kPageSize - address % kPageSize) % kPageSize; // to the first whole page
    if (head >= bytes) {
        return false;
    }
    const std::size_t length = (bytes - head) / kPageSize * kPageSize;
    // Best effort: on failure the pages are faulted in when written, as without this call.
    return length > 0 && ::madvise(begin + head, length, MADV_POPULATE_WRITE) == 0;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/process_memory.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace fanout {

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
    // Read once: the profiler asks for every process on the machine ten times a second.
    static const auto kPageSize = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return resident * kPageSize;
}

} // namespace fanout

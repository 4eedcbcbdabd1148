// SPDX-License-Identifier: GPL-3.0-or-later
#include "timed_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <thread>

namespace fanout::bench {

// Reads every file once with `threads` threads taking files from a shared counter.
double timedRead(const std::vector<std::string>& paths, unsigned threads) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::uint64_t> total{0};
    const auto start = std::chrono::steady_clock::now();
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&] {
                std::vector<char> buffer(1 << 16);
                std::uint64_t bytes = 0;
                for (auto i = next++; i < paths.size(); i = next++) {
                    const int fd = ::open(paths[i].c_str(), O_RDONLY | O_CLOEXEC);
                    if (fd < 0) {
                        continue;
                    }
                    for (;;) {
                        const auto got = ::read(fd, buffer.data(), buffer.size());
                        if (got <= 0) {
                            break;
                        }
                        bytes += static_cast<std::uint64_t>(got);
                    }
                    ::close(fd);
                }
                total += bytes;
            });
        }
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double timedStat(const std::vector<std::string>& paths, unsigned threads) {
    auto sorted = paths;
    std::sort(sorted.begin(), sorted.end());
    const auto start = std::chrono::steady_clock::now();
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                std::string folder;
                int fd = -1;
                const auto end = sorted.size() * (t + 1) / threads;
                for (auto i = sorted.size() * t / threads; i < end; ++i) {
                    const auto& path = sorted[i];
                    const auto slash = path.rfind('/');
                    if (slash == std::string::npos) {
                        continue;
                    }
                    if (std::string_view(path).substr(0, slash) != folder) {
                        if (fd >= 0) {
                            ::close(fd);
                        }
                        folder = path.substr(0, slash);
                        fd = ::open(folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
                    }
                    struct stat info {};
                    ::fstatat(fd, path.c_str() + slash + 1, &info, 0);
                }
                if (fd >= 0) {
                    ::close(fd);
                }
            });
        }
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace fanout::bench

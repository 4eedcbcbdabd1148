// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for a build, for the profiler's tests: it prints phase lines, starts workers that
// hold known amounts of memory for a known time, one of which outlives its own parent, and exits
// with the code it is given.
//   fanout_fake_build EXIT_CODE
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace {

// Touches every page so that the memory is resident, not just reserved.
void holdMegabytes(std::size_t megabytes, int milliseconds) {
    std::vector<char> block(megabytes << 20);
    for (std::size_t i = 0; i < block.size(); i += 4096) {
        block[i] = static_cast<char>(i);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
}

void say(const char* line) {
    std::printf("%s\n", line);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    const int exitCode = argc > 1 ? std::atoi(argv[1]) : 0;
    say("[fake] resolving dependencies");
    holdMegabytes(20, 300);
    say("[fake] bundling client");
    const pid_t worker = ::fork();
    if (worker == 0) {
        holdMegabytes(120, 900); // the biggest: a bundler's native worker
        std::_Exit(0);
    }
    const pid_t launcher = ::fork();
    if (launcher == 0) {
        // Starts a worker and exits at once: the worker is re-parented and must still be followed.
        if (::fork() == 0) {
            holdMegabytes(60, 900);
            std::_Exit(0);
        }
        std::_Exit(0);
    }
    ::waitpid(launcher, nullptr, 0);
    ::waitpid(worker, nullptr, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the orphan finishes
    say("[fake] writing output");
    holdMegabytes(40, 300);
    std::fprintf(stderr, "[fake] done with %d\n", exitCode);
    return exitCode;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "process.h"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace fanout::testing {
namespace {

void closeIfOpen(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

// argv as execvp wants it; the strings must outlive the result.
std::vector<char*> execArguments(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    return args;
}

pid_t forkOrThrow() {
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    return pid;
}

} // namespace

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& workingDir,
                         const std::function<void(std::string_view)>& onOutput) {
    std::array<int, 2> outPipe{-1, -1};
    std::array<int, 2> errPipe{-1, -1};
    if (::pipe(outPipe.data()) != 0 || ::pipe(errPipe.data()) != 0) {
        throw std::runtime_error("pipe failed");
    }
    auto args = execArguments(argv);
    const pid_t pid = forkOrThrow();
    if (pid == 0) {
        ::dup2(outPipe[1], STDOUT_FILENO);
        ::dup2(errPipe[1], STDERR_FILENO);
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        if (!workingDir.empty() && ::chdir(workingDir.c_str()) != 0) {
            ::_exit(126);
        }
        ::execvp(args[0], args.data()); // a bare name is looked up on PATH
        ::_exit(127);
    }
    closeIfOpen(outPipe[1]);
    closeIfOpen(errPipe[1]);

    ProcessResult result;
    std::array<pollfd, 2> fds{{{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&result.out, &result.err};
    int open = 2;
    while (open > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            std::array<char, 4096> buffer{};
            const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (got > 0) {
                sinks[i]->append(buffer.data(), static_cast<std::size_t>(got));
                if (i == 0 && onOutput) {
                    onOutput(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
                }
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    result.exitCode = waitProcess(pid);
    return result;
}

int startProcess(const std::vector<std::string>& argv) {
    auto args = execArguments(argv);
    const pid_t pid = forkOrThrow();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

int waitProcess(int pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace fanout::testing

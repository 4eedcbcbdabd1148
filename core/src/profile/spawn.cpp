// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/spawn.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fanout::detail {

Pipe::Pipe() {
    if (::pipe2(fd.data(), O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
}

Pipe::~Pipe() {
    closeRead();
    closeWrite();
}

void Pipe::closeOne(int& f) {
    if (f >= 0) {
        ::close(f);
        f = -1;
    }
}

SubreaperScope::SubreaperScope() {
    ::prctl(PR_GET_CHILD_SUBREAPER, &m_was);
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
}

SubreaperScope::~SubreaperScope() {
    ::prctl(PR_SET_CHILD_SUBREAPER, m_was);
}

int spawnCommand(const std::vector<std::string>& command, const std::string& workingDirectory,
                 Pipe& out, Pipe& err, std::string& error) {
    Pipe status; // exec's failure travels back through it; a successful exec closes it
    std::vector<char*> argv;
    argv.reserve(command.size() + 1);
    for (const auto& arg : command) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::setpgid(0, 0); // its own process group: a stop reaches its whole tree
        ::dup2(out.fd[1], STDOUT_FILENO);
        ::dup2(err.fd[1], STDERR_FILENO);
        int failure = 0;
        if (!workingDirectory.empty() && ::chdir(workingDirectory.c_str()) != 0) {
            failure = errno;
        } else {
            ::execvp(argv[0], argv.data());
            failure = errno;
        }
        const char stage = workingDirectory.empty() || failure == 0 ? 'x' : 'd';
        char message[1 + sizeof failure];
        message[0] = stage;
        std::memcpy(message + 1, &failure, sizeof failure);
        (void)!::write(status.fd[1], message, sizeof message);
        ::_exit(127);
    }
    out.closeWrite();
    err.closeWrite();
    status.closeWrite();
    char message[1 + sizeof(int)] = {};
    ssize_t got;
    while ((got = ::read(status.fd[0], message, sizeof message)) < 0 && errno == EINTR) {
    }
    if (got == static_cast<ssize_t>(sizeof message)) {
        int failure = 0;
        std::memcpy(&failure, message + 1, sizeof failure);
        int ignored = 0;
        ::waitpid(pid, &ignored, 0);
        error = (message[0] == 'd' ? "cannot enter " + workingDirectory
                                   : "cannot start " + command.front()) +
                ": " + std::strerror(failure);
        return -1;
    }
    return pid;
}

int exitStatus(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t wrote = ::write(fd, text.data(), text.size());
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

} // namespace fanout::detail

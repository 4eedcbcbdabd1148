// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile/spawn.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string_view>
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

namespace {

// This process's environment with `overrides` set over it, as NAME=VALUE strings (built before
// fork: the child only execs).
std::vector<std::string>
environmentWith(const std::vector<std::pair<std::string, std::string>>& overrides) {
    std::vector<std::string> out;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view variable(*entry);
        const auto name = variable.substr(0, variable.find('='));
        const bool replaced = std::any_of(overrides.begin(), overrides.end(),
                                          [&](const auto& o) { return o.first == name; });
        if (!replaced) {
            out.emplace_back(variable);
        }
    }
    for (const auto& [name, value] : overrides) {
        out.push_back(name + "=" + value);
    }
    return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    out.reserve(strings.size() + 1);
    for (auto& text : strings) {
        out.push_back(text.data());
    }
    out.push_back(nullptr);
    return out;
}

} // namespace

int spawnCommand(const std::vector<std::string>& command, const std::string& workingDirectory,
                 const std::vector<std::pair<std::string, std::string>>& environment, Pipe& out,
                 Pipe& err, std::string& error) {
    Pipe status; // exec's failure travels back through it; a successful exec closes it
    auto arguments = command;
    const auto argv = pointers(arguments);
    auto variables = environmentWith(environment);
    const auto envp = pointers(variables);
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
            ::execvpe(argv[0], argv.data(), envp.data());
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

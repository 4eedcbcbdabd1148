// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace fanout::detail {

// A pipe whose ends close with it (close-on-exec, so only the dup'ed ends reach the child).
struct Pipe {
    std::array<int, 2> fd{-1, -1};
    Pipe();
    ~Pipe();
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    void closeRead() { closeOne(fd[0]); }
    void closeWrite() { closeOne(fd[1]); }

private:
    static void closeOne(int& f);
};

// While it lives, orphans of our children's trees are re-parented to this process instead of
// init, so that they can be followed and reaped here (init may not reap them in a container).
class SubreaperScope {
public:
    SubreaperScope();
    ~SubreaperScope();
    SubreaperScope(const SubreaperScope&) = delete;
    SubreaperScope& operator=(const SubreaperScope&) = delete;

private:
    int m_was = 0;
};

// Forks and execs `command` (argv, no shell) in its own process group, in `workingDirectory`
// when not empty, with this process's environment and `environment` set over it, with its stdout
// and stderr on the write ends of `out` and `err` (closed here afterwards). Returns its pid, or -1
// with `error` saying why it could not start (the child is reaped then). Throws std::runtime_error
// when fork itself fails.
int spawnCommand(const std::vector<std::string>& command, const std::string& workingDirectory,
                 const std::vector<std::pair<std::string, std::string>>& environment, Pipe& out,
                 Pipe& err, std::string& error);

// The exit code of a waited-for child: its status, or 128 + the signal that ended it.
int exitStatus(int status);

void writeAll(int fd, std::string_view text);

// Splits a stream into lines as it arrives.
struct LineBuffer {
    std::string pending;
    template <typename Emit> void feed(std::string_view chunk, Emit emit) {
        pending.append(chunk);
        std::size_t start = 0;
        for (std::size_t newline; (newline = pending.find('\n', start)) != std::string::npos;) {
            emit(pending.substr(start, newline - start));
            start = newline + 1;
        }
        pending.erase(0, start);
    }
    template <typename Emit> void flush(Emit emit) {
        if (!pending.empty()) {
            emit(pending);
            pending.clear();
        }
    }
};

} // namespace fanout::detail

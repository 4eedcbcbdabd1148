// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/profile/profiler.h"

#include "io/periodic_thread.h"
#include "profile/profile_sampling.h"
#include "profile/spawn.h"

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <optional>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace fanout {
namespace {

using Clock = std::chrono::steady_clock;

} // namespace

std::string ProfileResult::phaseAt(double seconds) const {
    std::string phase;
    for (const auto& mark : phases) {
        if (mark.seconds <= seconds) {
            phase = mark.name;
        }
    }
    return phase;
}

ProfileResult profileCommand(const ProfileOptions& options) {
    if (options.command.empty()) {
        throw std::invalid_argument("no command to profile");
    }
    // A bad pattern throws here, before anything starts.
    const detail::PhaseRules check(options.phases);
    const detail::SubreaperScope subreaper;
    detail::Pipe out;
    detail::Pipe err;
    std::string error;
    const int pid = detail::spawnCommand(options.command, options.workingDirectory,
                                         options.environment, out, err, error);
    if (pid < 0) {
        ProfileResult result;
        result.command = options.command;
        result.workingDirectory = options.workingDirectory;
        result.error = error;
        return result;
    }

    detail::ProfileSession session(options, pid);
    session.sample();
    auto sampler = detail::startPeriodic(std::chrono::duration<double>(options.intervalSeconds),
                                         [&session] { session.sample(); });

    std::array<detail::LineBuffer, 2> buffers;
    std::array<pollfd, 2> fds{{{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}}};
    int open = 2;
    int exitCode = -1;
    std::optional<Clock::time_point> exitedAt;
    std::optional<Clock::time_point> termSentAt;
    const auto emit = [&](std::size_t stream) {
        return [&, stream](const std::string& text) { session.line(text, stream == 1); };
    };
    while (open > 0) {
        // After the command exits, descendants that keep its pipes open get one second more.
        if (exitedAt && Clock::now() - *exitedAt > std::chrono::seconds(1)) {
            break;
        }
        if (options.stop.stop_requested() && !exitedAt) {
            if (!termSentAt) {
                ::kill(-pid, SIGTERM);
                termSentAt = Clock::now();
            } else if (Clock::now() - *termSentAt > std::chrono::seconds(3)) {
                ::kill(-pid, SIGKILL);
            }
        }
        if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) {
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            std::array<char, 65536> chunk{};
            const ssize_t read = ::read(fds[i].fd, chunk.data(), chunk.size());
            if (read > 0) {
                buffers[i].feed(std::string_view(chunk.data(), static_cast<std::size_t>(read)),
                                emit(i));
            } else if (read == 0 || errno != EINTR) {
                fds[i].fd = -1;
                --open;
            }
        }
        session.reapAdopted();
        int waitStatus = 0;
        if (!exitedAt && ::waitpid(pid, &waitStatus, WNOHANG) == pid) {
            exitCode = detail::exitStatus(waitStatus);
            exitedAt = Clock::now();
        }
    }
    for (std::size_t i = 0; i < buffers.size(); ++i) {
        buffers[i].flush(emit(i));
    }
    if (!exitedAt) {
        int waitStatus = 0;
        while (::waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR) {
        }
        exitCode = detail::exitStatus(waitStatus);
    }
    sampler.request_stop();
    sampler.join();
    session.sample(); // the state right after the exit: what outlived it
    session.reapAdopted();
    return session.finish(exitCode);
}

} // namespace fanout

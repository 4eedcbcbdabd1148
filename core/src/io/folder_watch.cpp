// SPDX-License-Identifier: GPL-3.0-or-later
#include "fanout/io/folder_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

namespace fanout {
namespace {

constexpr std::uint32_t kEvents = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                  IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF |
                                  IN_MOVE_SELF | IN_ONLYDIR;

} // namespace

FolderWatch::FolderWatch()
    : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)),
      m_wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

FolderWatch::~FolderWatch() {
    for (const int fd : {m_fd, m_wake}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
}

void FolderWatch::interrupt() {
    const std::uint64_t one = 1;
    if (m_wake >= 0) {
        // Left unread: every later poll sees it too.
        [[maybe_unused]] const auto written = ::write(m_wake, &one, sizeof one);
    }
}

std::size_t FolderWatch::watch(const std::vector<std::string>& folders) {
    if (m_fd < 0) {
        return folders.size();
    }
    const std::set<std::string> wanted(folders.begin(), folders.end());
    const std::lock_guard lock(m_mutex);
    for (auto it = m_watches.begin(); it != m_watches.end();) {
        if (!wanted.contains(it->first)) {
            ::inotify_rm_watch(m_fd, it->second);
            m_folders.erase(it->second);
            it = m_watches.erase(it);
        } else {
            ++it;
        }
    }
    std::size_t failed = 0;
    for (const auto& folder : wanted) {
        // Added again even when watched: a folder replaced by another needs the new one's watch.
        const int descriptor = ::inotify_add_watch(m_fd, folder.c_str(), kEvents);
        if (descriptor < 0) {
            failed += errno == ENOENT ? 0 : 1; // a folder gone since the scan is not a failure
            continue;
        }
        m_watches[folder] = descriptor;
        m_folders[descriptor] = folder;
    }
    return failed;
}

bool FolderWatch::read(std::chrono::milliseconds timeout, std::vector<std::string>& changed) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::max(std::chrono::milliseconds(0),
                                   std::chrono::ceil<std::chrono::milliseconds>(
                                       deadline - std::chrono::steady_clock::now()));
        std::array<pollfd, 2> ready{{{m_fd, POLLIN, 0}, {m_wake, POLLIN, 0}}};
        if (m_fd < 0 || ::poll(ready.data(), ready.size(), static_cast<int>(left.count())) <= 0 ||
            (ready[1].revents & POLLIN) != 0) {
            return false;
        }
        // Events only of folders no longer watched (a watch dropped while waiting is told once
        // more, IN_IGNORED): the wait goes on.
        if (readEvents(changed)) {
            return true;
        }
    }
}

bool FolderWatch::readEvents(std::vector<std::string>& changed) {
    alignas(inotify_event) std::array<char, std::size_t{64} << 10> buffer{};
    bool any = false;
    for (;;) {
        const auto got = ::read(m_fd, buffer.data(), buffer.size());
        if (got <= 0) {
            return any;
        }
        const std::lock_guard lock(m_mutex);
        for (std::size_t at = 0; at < static_cast<std::size_t>(got);) {
            inotify_event event{};
            std::memcpy(&event, buffer.data() + at, sizeof event);
            const char* name = buffer.data() + at + sizeof event;
            at += sizeof event + event.len;
            const auto folder = m_folders.find(event.wd);
            if (folder == m_folders.end()) {
                continue;
            }
            any = true;
            changed.push_back(event.len > 0 ? folder->second + "/" + name : folder->second);
        }
    }
}

std::vector<std::string> FolderWatch::wait(std::chrono::milliseconds timeout,
                                           std::chrono::milliseconds quiet) {
    std::vector<std::string> changed;
    if (!read(timeout, changed)) {
        return changed;
    }
    while (read(quiet, changed)) {
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

} // namespace fanout

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace fanout {

// Watches folders for entries created, deleted, moved, written or changed in their attributes
// (inotify; not recursive: the caller names every folder). One thread waits; watch() and
// interrupt() may be called from another meanwhile.
class FolderWatch {
public:
    FolderWatch();
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    // Watches exactly `folders` from now on (new ones added, others dropped), also while another
    // thread waits (what it reads next is named after the folders as they are then). Returns how
    // many could not be watched (the user's inotify watches ran out, or inotify is unavailable).
    std::size_t watch(const std::vector<std::string>& folders);
    // Waits up to `timeout` for a change, then until `quiet` passes without another (a save is
    // often several events). Returns the paths that changed, empty on a timeout.
    std::vector<std::string> wait(std::chrono::milliseconds timeout,
                                  std::chrono::milliseconds quiet);
    // From any thread: a wait() in progress, and every later one, returns at once (empty), so
    // that the thread waiting can be joined without waiting for its timeout. For good: a watch
    // that goes on with other folders is given them by watch().
    void interrupt();

private:
    // Reads the pending events into `changed`; false when none came within `timeout`.
    bool read(std::chrono::milliseconds timeout, std::vector<std::string>& changed);
    // Reads the events pending into `changed`; false when none is of a folder watched now.
    bool readEvents(std::vector<std::string>& changed);

    int m_fd = -1;
    int m_wake = -1;    // an eventfd that interrupt() makes readable
    std::mutex m_mutex; // over the two maps: watch() and a waiting thread's read()
    std::map<std::string, int> m_watches; // folder -> watch descriptor
    std::map<int, std::string> m_folders;
};

} // namespace fanout

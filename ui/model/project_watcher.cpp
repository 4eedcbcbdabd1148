// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"

#include "fanout/io/folder_watch.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>
#include <mutex>

namespace fanout::ui {

// What the watching thread reports (changes under `inside`) and asks (`poll`, when due), set by
// watch() while the thread runs.
struct ProjectWatcher::Target {
    std::mutex mutex;
    std::string inside;
    Poll poll; // empty: never asked
    std::chrono::milliseconds pollInterval{0};
    std::chrono::steady_clock::time_point nextPoll;
    std::uint64_t generation = 0; // one per watch()

    // The poll when it is due (and its generation), its next time set; else none.
    Poll duePoll(std::uint64_t& pollGeneration) {
        const std::lock_guard lock(mutex);
        const auto now = std::chrono::steady_clock::now();
        if (!poll || now < nextPoll) {
            return {};
        }
        nextPoll = now + pollInterval;
        pollGeneration = generation;
        return poll;
    }
    // Whether a change the poll of `pollGeneration` found is to be reported: not when watch()
    // came since (it was about what was watched before). Reported once: the rescan watches anew.
    bool report(std::uint64_t pollGeneration) {
        const std::lock_guard lock(mutex);
        if (generation != pollGeneration) {
            return false;
        }
        poll = {};
        return true;
    }
};

ProjectWatcher::ProjectWatcher(QObject* parent)
    : QObject(parent), m_target(std::make_shared<Target>()) {}

ProjectWatcher::~ProjectWatcher() {
    stop(); // at once, the thread joined
}

void ProjectWatcher::watch(const std::vector<std::string>& folders, const std::string& root,
                           Poll poll, std::chrono::milliseconds pollInterval) {
    if (folders.empty()) {
        stop();
        return;
    }
    // A running thread goes on waiting meanwhile: stopping it to watch anew stalled the window
    // 1-4 ms on every watch update (joined, the thread woken to stop had to wait for a core).
    if (!m_folders) {
        m_folders = std::make_shared<FolderWatch>();
    }
    const auto unwatched = m_folders->watch(folders);
    if (unwatched == 0) {
        poll = {};
    }
    if (unwatched > 0) {
        QMetaObject::invokeMethod(
            this, [this, unwatched, count = folders.size(), polling = static_cast<bool>(poll)] {
                emit incomplete(static_cast<int>(unwatched), static_cast<int>(count), polling);
            });
    }
    {
        const std::lock_guard lock(m_target->mutex);
        m_target->inside = root + "/";
        m_target->poll = std::move(poll);
        m_target->pollInterval = pollInterval;
        m_target->nextPoll = std::chrono::steady_clock::now() + pollInterval;
        ++m_target->generation;
    }
    if (!m_thread.joinable()) {
        start();
    }
}

void ProjectWatcher::stop() {
    if (m_folders) {
        m_folders->interrupt();
    }
    m_thread = {};
    m_folders.reset();
}

void ProjectWatcher::start() {
    m_thread =
        std::jthread([this, watcher = m_folders, target = m_target](const std::stop_token& stop) {
            while (!stop.stop_requested()) {
                const auto paths =
                    watcher->wait(std::chrono::milliseconds(200), std::chrono::milliseconds(150));
                std::string inside;
                {
                    const std::lock_guard lock(target->mutex);
                    inside = target->inside;
                }
                QStringList list;
                for (const auto& path : paths) {
                    if (path.starts_with(inside)) {
                        list << QString::fromStdString(path);
                    }
                }
                std::uint64_t generation = 0;
                if (const auto poll = list.isEmpty() ? target->duePoll(generation) : Poll()) {
                    if (const auto change = poll();
                        change && !change->empty() && target->report(generation)) {
                        list << QString::fromStdString(*change);
                    }
                }
                if (list.isEmpty() || stop.stop_requested()) {
                    continue;
                }
                // Queued to the GUI thread; this object outlives the thread (joined in its
                // destructor).
                QMetaObject::invokeMethod(this, [this, list] { emit changed(list); });
            }
        });
}

} // namespace fanout::ui

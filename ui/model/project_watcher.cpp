// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"

#include "fanout/io/folder_watch.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace fanout::ui {

ProjectWatcher::ProjectWatcher(QObject* parent) : QObject(parent) {}

ProjectWatcher::~ProjectWatcher() {
    watch({}, {}); // stops the thread at once and joins it
}

void ProjectWatcher::watch(const std::vector<std::string>& folders, const std::string& root,
                           Poll poll, std::chrono::milliseconds pollInterval) {
    // The previous watch stops at once and is joined (waiting out its 200 ms wait stalled the
    // window on every watch update); its inotify instance is kept for the next watch (closing it
    // stalled the window ~15 ms), with the events that came meanwhile.
    if (m_folders) {
        m_folders->interrupt();
    }
    m_thread = {};
    if (folders.empty()) {
        m_folders.reset();
        return;
    }
    if (m_folders) {
        m_folders->resume();
    } else {
        m_folders = std::make_shared<FolderWatch>();
    }
    auto watcher = m_folders;
    const auto unwatched = watcher->watch(folders);
    if (unwatched == 0) {
        poll = {};
    }
    if (unwatched > 0) {
        QMetaObject::invokeMethod(
            this, [this, unwatched, count = folders.size(), polling = static_cast<bool>(poll)] {
                emit incomplete(static_cast<int>(unwatched), static_cast<int>(count), polling);
            });
    }
    m_thread =
        std::jthread([this, watcher = std::move(watcher), inside = root + "/",
                      poll = std::move(poll), pollInterval](const std::stop_token& stop) mutable {
            auto nextPoll = std::chrono::steady_clock::now() + pollInterval;
            while (!stop.stop_requested()) {
                const auto paths =
                    watcher->wait(std::chrono::milliseconds(200), std::chrono::milliseconds(150));
                QStringList list;
                for (const auto& path : paths) {
                    if (path.starts_with(inside)) {
                        list << QString::fromStdString(path);
                    }
                }
                if (poll && list.isEmpty() && std::chrono::steady_clock::now() >= nextPoll) {
                    if (const auto change = poll(); change && !change->empty()) {
                        list << QString::fromStdString(*change);
                        poll = {}; // reported once
                    }
                    nextPoll = std::chrono::steady_clock::now() + pollInterval;
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

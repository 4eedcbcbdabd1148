// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"

#include "fanout/io/folder_watch.h"

#include <QMetaObject>
#include <QPointer>

namespace fanout::ui {

ProjectWatcher::ProjectWatcher(QObject* parent) : QObject(parent) {}

ProjectWatcher::~ProjectWatcher() = default; // m_thread stops and joins

void ProjectWatcher::watch(std::vector<std::string> folders) {
    m_thread = {}; // the previous watch stops (within a wait's timeout) and is joined
    if (folders.empty()) {
        return;
    }
    m_thread = std::jthread([this, folders = std::move(folders)](const std::stop_token& stop) {
        FolderWatch watcher;
        const auto unwatched = watcher.watch(folders);
        if (unwatched > 0) {
            QMetaObject::invokeMethod(this, [this, unwatched, count = folders.size()] {
                emit incomplete(static_cast<int>(unwatched), static_cast<int>(count));
            });
        }
        while (!stop.stop_requested()) {
            const auto paths =
                watcher.wait(std::chrono::milliseconds(200), std::chrono::milliseconds(150));
            if (paths.empty() || stop.stop_requested()) {
                continue;
            }
            QStringList list;
            for (const auto& path : paths) {
                list << QString::fromStdString(path);
            }
            // Queued to the GUI thread; this object outlives the thread (joined in its destructor).
            QMetaObject::invokeMethod(this, [this, list] { emit changed(list); });
        }
    });
}

} // namespace fanout::ui

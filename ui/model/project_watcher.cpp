// SPDX-License-Identifier: GPL-3.0-or-later
#include "project_watcher.h"

#include "fanout/io/folder_watch.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>

namespace fanout::ui {

ProjectWatcher::ProjectWatcher(QObject* parent) : QObject(parent) {}

ProjectWatcher::~ProjectWatcher() = default; // m_thread stops and joins

void ProjectWatcher::watch(const std::vector<std::string>& folders, const std::string& root) {
    m_thread = {}; // the previous watch stops (within a wait's timeout) and is joined
    if (folders.empty()) {
        return;
    }
    auto watcher = std::make_unique<FolderWatch>();
    if (const auto unwatched = watcher->watch(folders); unwatched > 0) {
        QMetaObject::invokeMethod(this, [this, unwatched, count = folders.size()] {
            emit incomplete(static_cast<int>(unwatched), static_cast<int>(count));
        });
    }
    m_thread = std::jthread(
        [this, watcher = std::move(watcher), inside = root + "/"](const std::stop_token& stop) {
            while (!stop.stop_requested()) {
                const auto paths =
                    watcher->wait(std::chrono::milliseconds(200), std::chrono::milliseconds(150));
                QStringList list;
                for (const auto& path : paths) {
                    if (path.starts_with(inside)) {
                        list << QString::fromStdString(path);
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

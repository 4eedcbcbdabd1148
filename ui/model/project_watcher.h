// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <string>
#include <thread>
#include <vector>

namespace fanout::ui {

// Watches folders on a thread of its own (inotify) and reports on the GUI thread when something
// in them changed, changes within 150 ms taken together.
class ProjectWatcher : public QObject {
    Q_OBJECT
public:
    explicit ProjectWatcher(QObject* parent = nullptr);
    ~ProjectWatcher() override;

    // Watches exactly `folders` from now on (watching before it returns), reporting changes
    // inside `root` only (a folder above it changes for reasons of its own); none: stops.
    void watch(const std::vector<std::string>& folders, const std::string& root);
    bool isWatching() const { return m_thread.joinable(); }

signals:
    // What changed (paths), after the quiet time.
    void changed(const QStringList& paths);
    // Some folders could not be watched (the user's inotify watches ran out).
    void incomplete(int unwatched, int folders);

private:
    std::jthread m_thread;
};

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fanout {
class FolderWatch;
}

namespace fanout::ui {

// Watches folders on a thread of its own (inotify) and reports on the GUI thread when something
// in them changed, changes within 150 ms taken together.
class ProjectWatcher : public QObject {
    Q_OBJECT
public:
    explicit ProjectWatcher(QObject* parent = nullptr);
    ~ProjectWatcher() override;

    // Asks whether anything the shown result depends on changed: "" no, a sentence yes, none
    // when it cannot tell (scanCacheChange). Called off the GUI thread.
    using Poll = std::function<std::optional<std::string>()>;

    // Watches exactly `folders` from now on (watching before it returns), reporting changes
    // inside `root` only (a folder above it changes for reasons of its own); none: stops. When
    // some folders cannot be watched (incomplete), `poll` is asked every `pollInterval` too, and
    // the first change it finds is reported (once: the rescan that follows watches anew). A
    // watch that runs goes on with the new folders, root and poll on the same thread.
    void watch(const std::vector<std::string>& folders, const std::string& root, Poll poll = {},
               std::chrono::milliseconds pollInterval = std::chrono::seconds(2));
    bool isWatching() const { return m_thread.joinable(); }

signals:
    // What changed (paths), after the quiet time.
    void changed(const QStringList& paths);
    // Some folders could not be watched (the user's inotify watches ran out); `polling`: the
    // project is checked every few seconds instead.
    void incomplete(int unwatched, int folders, bool polling);

private:
    struct Target;
    void start();
    void stop();

    std::shared_ptr<FolderWatch> m_folders; // the running watch's, interrupted to stop it at once
    std::shared_ptr<Target> m_target;       // what the thread reports and asks, set by watch()
    std::jthread m_thread;
};

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "fanout/cache/scan_cache.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

namespace fanout::ui {
namespace {

const QString kUseCacheKey = QStringLiteral("useScanCache");

// The user's cache folder (~/.cache/fanout/scans on Linux), as the command line's default.
ScanCacheSettings cacheSettings() {
    ScanCacheSettings settings;
    settings.dir =
        (QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + "/fanout/scans")
            .toStdString();
    return settings;
}

} // namespace

void MainWindow::watchProject(bool on) {
    const auto session = m_controller.session();
    if (!on || !session) {
        m_watcher.watch({}, {});
        return;
    }
    // Where folders cannot be watched: the scan cache's record of what the result depends on,
    // checked without reading the project's files (as the scan that follows would check it).
    auto poll = [config = session->result->config, settings = cacheSettings()] {
        return scanCacheChange(config, {}, settings);
    };
    m_watcher.watch(m_controller.foldersToWatch(), session->result->config.root, std::move(poll));
}

void MainWindow::buildCacheMenu(QMenu* menu) {
    auto* use = menu->addAction(tr("Use the scan &cache"));
    use->setCheckable(true);
    use->setChecked(QSettings().value(kUseCacheKey, true).toBool());
    use->setToolTip(tr("Load the last scan of a project when nothing it read has changed"));
    m_controller.setCache(use->isChecked(), cacheSettings());
    connect(use, &QAction::toggled, this, [this](bool on) {
        m_settingsWriter.setValue(kUseCacheKey, on);
        m_controller.setCache(on, cacheSettings());
    });
    m_watchAction = menu->addAction(tr("&Watch for changes"));
    m_watchAction->setCheckable(true);
    m_watchAction->setToolTip(tr("Scan again (through the scan cache) whenever a file or folder "
                                 "the result depends on changes"));
    connect(m_watchAction, &QAction::toggled, this, [this, use](bool on) {
        if (on && !use->isChecked()) {
            use->setChecked(true); // what to watch comes from the cache's record of the scan
            rescan();
        }
        watchProject(on);
    });
    // Each result says what to watch next; a change during a scan rescans once it ends. In a turn
    // of its own: watching again took 5-12 ms at 101,012 modules (timed on a busy machine), on top
    // of showing the result in the same turn.
    connect(&m_controller, &ScanController::resultAvailable, this, [this] {
        QTimer::singleShot(1, this, [this] {
            watchProject(m_watchAction->isChecked());
            if (std::exchange(m_rescanWhenDone, false)) {
                rescan();
            }
        });
    });
    connect(&m_watcher, &ProjectWatcher::changed, this, [this](const QStringList& paths) {
        statusBar()->showMessage(
            tr("%1 changed: scanning again")
                .arg(paths.value(0) +
                     (paths.size() > 1 ? tr(" and %1 more").arg(paths.size() - 1) : QString())),
            5000);
        if (m_controller.isRunning()) {
            m_rescanWhenDone = true;
        } else {
            rescan();
        }
    });
    connect(&m_watcher, &ProjectWatcher::incomplete, this,
            [this](int unwatched, int folders, bool polling) {
                const auto message =
                    tr("%1 of %2 folders cannot be watched (the inotify watches ran out)")
                        .arg(unwatched)
                        .arg(folders);
                if (polling) {
                    statusBar()->showMessage(
                        message + tr(": checking for changes every 2 s instead"), 8000);
                } else {
                    showError(message + tr(": changes there are not seen"));
                }
            });
    menu->addAction(tr("C&lear the scan cache"), this, [this] {
        const auto problem = clearScanCache(cacheSettings().dir);
        if (problem.empty()) {
            statusBar()->showMessage(tr("The scan cache is empty."), 5000);
        } else {
            showError(
                tr("The scan cache could not be cleared: %1").arg(QString::fromStdString(problem)));
        }
    });
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "fanout/cache/scan_cache.h"

#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

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

void MainWindow::buildCacheMenu(QMenu* menu) {
    auto* use = menu->addAction(tr("Use the scan &cache"));
    use->setCheckable(true);
    use->setChecked(QSettings().value(kUseCacheKey, true).toBool());
    use->setToolTip(tr("Load the last scan of a project when nothing it read has changed"));
    m_controller.setCache(use->isChecked(), cacheSettings());
    connect(use, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kUseCacheKey, on);
        m_controller.setCache(on, cacheSettings());
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_session.h"

#include "background_priority.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace fanout::ui {

SessionPtr makeSession(std::shared_ptr<const ScanResult> result) {
    return SessionPtr(new ScanSession(std::move(result)), [](const ScanSession* session) {
        const auto* app = QCoreApplication::instance();
        if (app != nullptr && QThread::currentThread() == app->thread()) {
            // The global pool is waited for when the application ends: nothing is leaked.
            QThreadPool::globalInstance()->start([session] {
                lowerThreadPriority(); // freeing a large result yields to the GUI thread
                delete session;
            });
        } else {
            delete session;
        }
    });
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_session.h"

#include "background_priority.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace fanout::ui {
namespace {

// Sessions are freed on a pool of their own, never Qt's global pool: QtGui (6.4) splits large
// fills of a paint across the global pool's threads and waits for them, so a result being freed
// there (tens of ms at 100,000 modules), or a thread of it left at background priority, held up
// the window's paints (a tab page's frame waited 7-22 ms for the fill at a watch update).
struct FreeingPool : QThreadPool {
    FreeingPool() { setMaxThreadCount(1); }
};
// Waited for (its destructor) when the program ends: nothing is leaked.
Q_GLOBAL_STATIC(FreeingPool, freeingPool)

} // namespace

SessionPtr makeSession(std::shared_ptr<const ScanResult> result) {
    return SessionPtr(new ScanSession(std::move(result)), [](const ScanSession* session) {
        const auto* app = QCoreApplication::instance();
        if (app != nullptr && QThread::currentThread() == app->thread()) {
            freeingPool()->start([session] {
                lowerThreadPriority(); // freeing a large result yields to the GUI thread
                delete session;
            });
        } else {
            delete session;
        }
    });
}

} // namespace fanout::ui

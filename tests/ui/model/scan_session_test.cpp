// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_session.h"

#include "background_priority.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

namespace fanout::ui {
namespace {

// Where and how a result was freed.
struct Freed {
    std::atomic<bool> done{false};
    std::atomic<bool> onCaller{true};
    std::atomic<bool> onGlobalPool{true};
    std::atomic<int> nice{-100};
};

// Let go of on the GUI thread, a session is freed on another thread at background priority, and
// never on one of Qt's global pool: QtGui waits for that pool's threads while it paints large
// fills, so a free there (or a thread of it left at nice 10) stalled the window's paints.
TEST(ScanSession, LetGoOfOnTheGuiThreadItIsFreedOffItAndOffQtsGlobalPool) {
    auto freed = std::make_shared<Freed>();
    const auto caller = std::this_thread::get_id();
    std::shared_ptr<const ScanResult> result(new ScanResult, [freed, caller](const ScanResult* r) {
        freed->onCaller = std::this_thread::get_id() == caller;
        freed->onGlobalPool = QThreadPool::globalInstance()->contains(QThread::currentThread());
        freed->nice = threadNice();
        delete r;
        freed->done = true;
    });
    auto session = makeSession(std::move(result));
    session.reset();
    ASSERT_TRUE(QTest::qWaitFor([&] { return freed->done.load(); }, 10000));
    EXPECT_FALSE(freed->onCaller);
    EXPECT_FALSE(freed->onGlobalPool);
#ifdef __linux__
    if (threadNice() < kBackgroundNice) {
        EXPECT_EQ(freed->nice, kBackgroundNice);
    }
#endif
}

} // namespace
} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_controller.h"
#include "ui_fixtures.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <fstream>

namespace fanout::ui {
namespace {

TEST(ScanController, ResultArrivesOnTheGuiThreadWithMemorySamplesAndPhases) {
    testing::DemoFolder demo;
    ScanController controller;
    QSignalSpy result(&controller, &ScanController::resultAvailable);
    QSignalSpy progress(&controller, &ScanController::progressChanged);
    QThread* deliveredOn = nullptr;
    QObject::connect(&controller, &ScanController::resultAvailable, &controller,
                     [&](const SessionPtr&) { deliveredOn = QThread::currentThread(); });
    controller.start(demo.root);
    EXPECT_TRUE(controller.isRunning());
    ASSERT_TRUE(result.wait(60000));
    EXPECT_EQ(deliveredOn, QThread::currentThread());
    EXPECT_FALSE(controller.isRunning());
    const auto session = result.takeFirst().at(0).value<SessionPtr>();
    ASSERT_TRUE(session);
    EXPECT_EQ(session, controller.session());
    EXPECT_GT(session->result->modules.size(), 300u);
    EXPECT_EQ(session->analysis.modules.size(), session->result->modules.size());
    // The tables arrive with the session, built from it and already sorted.
    EXPECT_EQ(controller.tables().hotspots.rows, static_cast<int>(session->result->modules.size()));
    EXPECT_EQ(controller.tables().hotspots.order.size(), session->result->modules.size());
    EXPECT_GT(controller.tables().directives.rows, 0);
    EXPECT_GE(progress.count(), 1);
    EXPECT_GE(controller.memory().seconds().size(), 2u);
    EXPECT_GT(controller.memory().peakMegabytes(), 1.0);
    QStringList phases;
    for (const auto& phase : controller.memory().phases()) {
        phases << phase.name;
    }
    EXPECT_EQ(phases.first(), QStringLiteral("reading"));
    EXPECT_TRUE(phases.contains(QStringLiteral("analysing")));
    EXPECT_EQ(phases.last(), QStringLiteral("done"));
}

TEST(ScanController, WithTheCacheOnTheSecondScanIsLoadedAndSaysSo) {
    testing::DemoFolder demo;
    testing::TempDir cache;
    ScanController controller;
    EXPECT_FALSE(controller.cacheEnabled());
    ScanCacheSettings settings;
    settings.dir = cache.path().string();
    controller.setCache(true, settings);
    QSignalSpy result(&controller, &ScanController::resultAvailable);
    controller.start(demo.root);
    ASSERT_TRUE(result.wait(60000));
    EXPECT_FALSE(controller.fromCache());
    EXPECT_EQ(controller.cacheNote(), QStringLiteral("no cached scan yet"));
    const auto modules = controller.session()->result->modules.size();
    controller.start(demo.root);
    ASSERT_TRUE(result.wait(60000));
    EXPECT_TRUE(controller.fromCache());
    EXPECT_TRUE(
        controller.cacheNote().startsWith(QStringLiteral("unchanged since the cached scan")))
        << controller.cacheNote().toStdString();
    EXPECT_EQ(controller.session()->result->modules.size(), modules);
    // What a watch watches: the folders the result depends on, the project's root among them.
    const auto& folders = controller.foldersToWatch();
    EXPECT_NE(std::find(folders.begin(), folders.end(), demo.root.toStdString()), folders.end());
    EXPECT_NE(std::find(folders.begin(), folders.end(), demo.root.toStdString() + "/src"),
              folders.end());
    // Off again: a plain scan, and no note.
    controller.setCache(false);
    controller.start(demo.root);
    ASSERT_TRUE(result.wait(60000));
    EXPECT_FALSE(controller.fromCache());
    EXPECT_TRUE(controller.cacheNote().isEmpty());
    EXPECT_TRUE(controller.foldersToWatch().empty());
}

TEST(ScanController, CancelGivesCancelledAndNoResult) {
    testing::DemoFolder demo(3000);
    ScanController controller;
    QSignalSpy cancelled(&controller, &ScanController::cancelled);
    QSignalSpy result(&controller, &ScanController::resultAvailable);
    controller.start(demo.root);
    controller.cancel();
    ASSERT_TRUE(cancelled.wait(60000));
    EXPECT_EQ(result.count(), 0);
    EXPECT_FALSE(controller.isRunning());
    EXPECT_FALSE(controller.session());
}

TEST(ScanController, AFolderThatDoesNotExistGivesFailedWithTheReason) {
    testing::TempDir tmp;
    ScanController controller;
    QSignalSpy failed(&controller, &ScanController::failed);
    controller.start(QString::fromStdString((tmp.path() / "missing").string()));
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(failed.takeFirst().at(0).toString().contains(QStringLiteral("not a folder")));
}

TEST(ScanController, ABadFanoutJsonGivesFailedNamingTheFile) {
    testing::DemoFolder demo(5);
    std::ofstream(demo.root.toStdString() + "/fanout.json") << "{ \"preset\": 3 }";
    ScanController controller;
    QSignalSpy failed(&controller, &ScanController::failed);
    controller.start(demo.root);
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(failed.takeFirst().at(0).toString().contains(QStringLiteral("fanout.json")));
}

TEST(ScanController, ANewerScanMakesTheOlderOneStale) {
    testing::DemoFolder first(2000);
    testing::DemoFolder second(5);
    ScanController controller;
    QSignalSpy result(&controller, &ScanController::resultAvailable);
    controller.start(first.root);
    controller.start(second.root);
    ASSERT_TRUE(result.wait(60000));
    QTest::qWait(200); // anything the first scan still posts must be dropped
    ASSERT_EQ(result.count(), 1);
    const auto session = result.takeFirst().at(0).value<SessionPtr>();
    EXPECT_EQ(QString::fromStdString(session->result->config.root), second.root);
}

} // namespace
} // namespace fanout::ui

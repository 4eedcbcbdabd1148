// SPDX-License-Identifier: GPL-3.0-or-later
#include "background_job.h"

#include <QCoreApplication>
#include <QObject>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace fanout::ui {
namespace {

// Reports a test can wait for: the owner whose thread the posts run on.
class Reports : public QObject {
    Q_OBJECT
public:
    std::vector<int> received;
    QThread* thread = nullptr;
    void report(int value) {
        received.push_back(value);
        thread = QThread::currentThread();
        emit reported();
    }
signals:
    void reported();
};

TEST(BackgroundJob, ReportsReachTheOwnersThreadAndANewerJobMakesOlderOnesStale) {
    Reports reports;
    QSignalSpy spy(&reports, &Reports::reported);
    std::atomic<bool> release{false};
    std::atomic<bool> firstStopped{false};
    BackgroundJob job(&reports);
    job.start([&](const JobPost& post, const std::stop_token& stop) {
        while (!release) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        firstStopped = stop.stop_requested();
        post([&reports] { reports.report(1); }); // stale by now: dropped
        EXPECT_FALSE(post.isCurrent());
    });
    job.start([&](const JobPost& post, const std::stop_token&) {
        EXPECT_TRUE(post.isCurrent());
        post([&reports] { reports.report(2); });
    });
    release = true;
    ASSERT_TRUE(spy.wait(10000));
    QCoreApplication::processEvents(); // anything else queued would arrive now
    EXPECT_TRUE(firstStopped);
    EXPECT_EQ(reports.received, std::vector<int>{2});
    EXPECT_EQ(reports.thread, QThread::currentThread());
}

// Background work yields to the GUI thread: a job, work run after it, and the threads they
// start run at the background nice value; the thread that started them keeps its own.
TEST(BackgroundJob, JobsAndTheThreadsTheyStartRunAtALowerPriority) {
#ifndef __linux__
    GTEST_SKIP() << "threads have a nice value of their own on Linux only";
#endif
    const int callerNice = threadNice();
    if (callerNice >= kBackgroundNice) {
        GTEST_SKIP() << "the test itself runs at nice " << callerNice << ": nothing to lower";
    }
    Reports reports;
    QSignalSpy spy(&reports, &Reports::reported);
    std::atomic<int> jobNice{-100};
    std::atomic<int> startedNice{-100};
    std::atomic<int> afterNice{-100};
    BackgroundJob job(&reports);
    job.start([&](const JobPost& post, const std::stop_token&) {
        jobNice = threadNice();
        std::thread([&] { startedNice = threadNice(); }).join();
        post([&reports] { reports.report(1); });
    });
    job.runAfter([&] { afterNice = threadNice(); });
    ASSERT_TRUE(spy.wait(10000));
    job.runAfter([] {});
    for (int i = 0; i < 1000 && afterNice == -100; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_EQ(jobNice, kBackgroundNice);
    EXPECT_EQ(startedNice, kBackgroundNice);
    EXPECT_EQ(afterNice, kBackgroundNice);
    EXPECT_EQ(threadNice(), callerNice);
}

TEST(BackgroundJob, DestructionStopsTheRunningJobAndWaitsForIt) {
    Reports reports;
    std::atomic<bool> finished{false};
    {
        BackgroundJob job(&reports);
        job.start([&](const JobPost&, const std::stop_token& stop) {
            while (!stop.stop_requested()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            finished = true;
        });
    }
    EXPECT_TRUE(finished);
}

} // namespace
} // namespace fanout::ui

#include "background_job_test.moc"

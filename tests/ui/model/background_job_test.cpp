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
    job.start([&](const JobPost& post, std::stop_token stop) {
        while (!release) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        firstStopped = stop.stop_requested();
        post([&reports] { reports.report(1); }); // stale by now: dropped
        EXPECT_FALSE(post.isCurrent());
    });
    job.start([&](const JobPost& post, std::stop_token) {
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

TEST(BackgroundJob, DestructionStopsTheRunningJobAndWaitsForIt) {
    Reports reports;
    std::atomic<bool> finished{false};
    {
        BackgroundJob job(&reports);
        job.start([&](const JobPost&, std::stop_token stop) {
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

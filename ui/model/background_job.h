// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_priority.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <stop_token>
#include <utility>

namespace fanout::ui {

class BackgroundJob;

// Hands a job's reports to the GUI thread: each posted function runs there, on the owner's
// thread, and only while no newer job has started (a stale report is dropped). Copied freely
// into the callbacks a job gives the core.
class JobPost {
public:
    JobPost(BackgroundJob* job, quint64 generation) : m_job(job), m_generation(generation) {}
    template <typename Function> void operator()(Function function) const;
    // Whether this job is still the newest one (safe from any thread).
    bool isCurrent() const;

private:
    BackgroundJob* m_job;
    quint64 m_generation;
};

// One job at a time off the GUI thread, on a private one-thread pool (KDAB hotspot's job
// tracker): starting a job stops the previous one and makes its reports stale; the destructor
// stops the running job and waits for it, so no job outlives its owner. Jobs run at a lower CPU
// priority (lowerThreadPriority), as do the threads and processes they start.
class BackgroundJob {
public:
    explicit BackgroundJob(QObject* owner) : m_owner(owner) { m_pool.setMaxThreadCount(1); }
    ~BackgroundJob() {
        m_stop.request_stop();
        m_pool.waitForDone();
    }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    // Runs job(JobPost post, std::stop_token stop) on the pool. Call on the owner's thread.
    template <typename Job> void start(Job job) {
        m_stop.request_stop(); // an older job still running stops and is ignored from now on
        m_stop = std::stop_source();
        const JobPost post(this, ++m_generation);
        auto future = QtConcurrent::run(
            &m_pool, [job = std::move(job), post, stop = m_stop.get_token()]() mutable {
                lowerThreadPriority();
                job(post, stop);
            });
        Q_UNUSED(future);
    }
    void requestStop() { m_stop.request_stop(); }
    // Stops the running job and drops its reports from now on (requestStop still delivers them).
    void discard() {
        m_stop.request_stop();
        ++m_generation;
    }
    // Runs `work` on the pool after the current job: freeing a large old result there keeps the
    // GUI thread free.
    void runAfter(std::function<void()> work) {
        m_pool.start([work = std::move(work)] {
            lowerThreadPriority();
            work();
        });
    }

private:
    friend class JobPost;

    QObject* m_owner;
    QThreadPool m_pool;
    std::stop_source m_stop;
    std::atomic<quint64> m_generation{0};
};

template <typename Function> void JobPost::operator()(Function function) const {
    // `owner` as the context: Qt drops the call if the owner is gone.
    QMetaObject::invokeMethod(
        m_job->m_owner,
        [job = m_job, generation = m_generation, function = std::move(function)]() mutable {
            if (generation == job->m_generation) {
                function();
            }
        },
        Qt::QueuedConnection);
}

inline bool JobPost::isCurrent() const {
    return m_generation == m_job->m_generation;
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "background_job.h"
#include "profile_result.h"
#include "profile_series.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <mutex>

namespace fanout::ui {

// Runs `fanout profile`'s core off the GUI thread and reports on it: samples as they are taken,
// the command's output in batches (~10 a second), phases, then the result or why it could not
// start. A newer run makes everything an older one still reports stale.
class ProfileController : public QObject {
    Q_OBJECT
public:
    explicit ProfileController(QObject* parent = nullptr);
    ~ProfileController() override = default; // m_job stops a running command and waits for it

    // `phases`: "NAME=REGEX" per entry. Returns an error for a malformed entry, else starts.
    QString start(const QStringList& command, const QString& workingDirectory,
                  const QStringList& phases, int intervalMs = 100);
    void stop();
    bool isRunning() const { return m_running; }
    const ProfileSeries& series() const { return m_series; }
    ProfilePtr result() const { return m_result; }

signals:
    void started();
    void sampled();
    void outputAvailable(const QStringList& lines);
    void finished(fanout::ui::ProfilePtr result);
    void failed(const QString& message);

private:
    void flushOutput();
    void finish();

    QTimer m_outputTimer;
    bool m_running = false;
    ProfileSeries m_series;
    ProfilePtr m_result;
    std::mutex m_outputMutex;
    QStringList m_pendingOutput;
    BackgroundJob m_job{this}; // last: destroyed (and waited for) first
};

} // namespace fanout::ui

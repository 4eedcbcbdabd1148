#pragma once

#include "fanout/profile/profiler.h"
#include "table_model.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>

namespace fanout::ui {

using ProfilePtr = std::shared_ptr<const ProfileResult>;

// What the live plot shows, accumulated on the GUI thread from the samples: resident memory per
// process (0 while a process is not alive), the tree's total and the memory still available.
struct ProfileSeries {
    struct Process {
        QString name;
        std::vector<double> megabytes; // one per sample
        double peak = 0;
    };
    std::vector<double> seconds;
    std::vector<double> treeMegabytes;
    std::vector<double> availableMegabytes;
    std::map<int, Process> processes; // by pid
    std::vector<std::pair<double, QString>> phases;

    void clear() { *this = {}; }
    // The pids with the largest peaks, largest first.
    std::vector<int> largest(std::size_t count) const;
};

// Runs `fanout profile`'s core off the GUI thread and reports on it: samples as they are taken,
// the command's output in batches (~10 a second), phases, then the result or why it could not
// start. A newer run makes everything an older one still reports stale.
class ProfileController : public QObject {
    Q_OBJECT
public:
    explicit ProfileController(QObject* parent = nullptr);
    ~ProfileController() override; // stops a running command and waits for it

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
    void addSample(const ProfileSample& sample, const std::map<int, QString>& names,
                   const std::vector<PhaseMark>& phases);
    void flushOutput();

    QThreadPool m_pool;
    QTimer m_outputTimer;
    std::stop_source m_stop;
    std::atomic<quint64> m_generation{0}; // read by the output callback on the profile thread
    bool m_running = false;
    ProfileSeries m_series;
    ProfilePtr m_result;
    std::mutex m_outputMutex;
    QStringList m_pendingOutput;
};

// The processes of a finished profile, largest peak first.
TableContent profileTable(const ProfilePtr& result);

} // namespace fanout::ui

Q_DECLARE_METATYPE(fanout::ui::ProfilePtr)

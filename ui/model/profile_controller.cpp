// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_controller.h"

#include <QThread>

namespace fanout::ui {

ProfileController::ProfileController(QObject* parent) : QObject(parent) {
    m_outputTimer.setInterval(100);
    connect(&m_outputTimer, &QTimer::timeout, this, &ProfileController::flushOutput);
}

QString ProfileController::start(const QStringList& command, const QString& workingDirectory,
                                 const QStringList& phases, int intervalMs) {
    Q_ASSERT(QThread::currentThread() == thread());
    if (command.isEmpty()) {
        return tr("Type the command to profile, for example: pnpm build");
    }
    ProfileOptions options;
    for (const auto& arg : command) {
        options.command.push_back(arg.toStdString());
    }
    options.workingDirectory = workingDirectory.toStdString();
    options.intervalSeconds = intervalMs / 1000.0;
    for (const auto& phase : phases) {
        const auto equals = phase.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return tr("A phase is NAME=REGEX, not \"%1\"").arg(phase);
        }
        options.phases.emplace_back(phase.left(equals).trimmed().toStdString(),
                                    phase.mid(equals + 1).toStdString());
    }
    m_running = true;
    m_series.clear();
    m_result.reset();
    {
        std::lock_guard lock(m_outputMutex);
        m_pendingOutput.clear();
    }
    m_outputTimer.start();
    emit started();

    m_job.start(
        [this, options = std::move(options)](const JobPost& post, std::stop_token stop) mutable {
            options.stop = std::move(stop);
            options.output = [this, post](std::string_view line, bool) {
                std::lock_guard lock(m_outputMutex);
                if (post.isCurrent()) {
                    m_pendingOutput
                        << QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
                }
            };
            // Called on the sampling thread: only what the plot needs crosses to the GUI thread.
            options.sampled = [this, post](const ProfileResult& sofar) {
                std::map<int, QString> names;
                for (const auto& process : sofar.processes) {
                    names[process.pid] = QString::fromStdString(process.name);
                }
                post([this, sample = sofar.samples.back(), names = std::move(names),
                      phases = sofar.phases] {
                    m_series.add(sample, names, phases);
                    emit sampled();
                });
            };
            try {
                auto result = std::make_shared<const ProfileResult>(profileCommand(options));
                post([this, result] {
                    flushOutput();
                    finish();
                    m_result = result;
                    if (!result->started) {
                        emit failed(QString::fromStdString(result->error));
                    } else {
                        emit finished(result);
                    }
                });
            } catch (const std::exception& error) {
                const auto message = QString::fromStdString(error.what());
                post([this, message] {
                    finish();
                    emit failed(message);
                });
            }
        });
    return {};
}

void ProfileController::stop() {
    if (m_running) {
        m_job.requestStop();
    }
}

void ProfileController::finish() {
    m_outputTimer.stop();
    m_running = false;
}

void ProfileController::flushOutput() {
    QStringList lines;
    {
        std::lock_guard lock(m_outputMutex);
        lines.swap(m_pendingOutput);
    }
    if (!lines.isEmpty()) {
        emit outputAvailable(lines);
    }
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layouter.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <optional>
#include <stop_token>

namespace fanout::ui {

namespace {

// What a layout came to: the layout, or why there is none.
struct LayoutOutcome {
    std::optional<Layout> layout;
    QString failure;
};

// Runs Graphviz for `request` and waits for it, on the calling thread (a worker: starting a
// process forks this one, which takes ~10 ms once a 100,000-module result is in memory, and must
// not stall the window). Nothing when `stop` was requested meanwhile (the process is killed).
std::optional<LayoutOutcome> runLayout(const QString& program, const LayoutRequest& request,
                                       const std::stop_token& stop) {
    QStringList arguments;
    for (const auto& argument : layoutArguments(request)) {
        arguments << QString::fromStdString(argument);
    }
    QProcess process;
    const auto failedToRun = [&process] {
        return LayoutOutcome{std::nullopt,
                             GraphLayouter::tr("dot failed: %1").arg(process.errorString())};
    };
    process.start(program, arguments);
    if (!process.waitForStarted(-1)) {
        return failedToRun();
    }
    process.write(QByteArray::fromStdString(layoutDot(request)));
    process.closeWriteChannel();
    constexpr int kStopCheckMs = 50;
    while (!process.waitForFinished(kStopCheckMs)) {
        if (stop.stop_requested()) {
            process.kill();
            process.waitForFinished(1000);
            return std::nullopt;
        }
        if (process.state() == QProcess::NotRunning) {
            return failedToRun();
        }
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return LayoutOutcome{std::nullopt, GraphLayouter::tr("Graphviz exited with %1: %2")
                                               .arg(process.exitCode())
                                               .arg(QString::fromLocal8Bit(
                                                   process.readAllStandardError().trimmed()))};
    }
    std::string error;
    auto layout = parsePlainLayout(process.readAllStandardOutput().toStdString(), request, error);
    if (!layout) {
        return LayoutOutcome{std::nullopt, QString::fromStdString(error)};
    }
    return LayoutOutcome{std::move(layout), {}};
}

} // namespace

GraphLayouter::GraphLayouter(QObject* parent) : QObject(parent), m_job(this) {}

GraphLayouter::~GraphLayouter() = default; // the job stops, and Graphviz is killed

QString GraphLayouter::dotProgram() {
    return QStandardPaths::findExecutable(QStringLiteral("dot"));
}

quint64 GraphLayouter::request(const LayoutRequest& request) {
    const auto generation = ++m_generation;
    const auto program = dotProgram();
    if (program.isEmpty()) {
        m_job.discard(); // a layout still running is stale
        QTimer::singleShot(0, this, [this, generation] {
            emit layoutFailed(generation,
                              tr("Graphviz's dot was not found. Install it (Debian/Ubuntu: "
                                 "sudo apt install graphviz) to see the graph."));
        });
        return generation;
    }
    // A new request stops the running one (Graphviz killed) and drops its answer.
    m_job.start(
        [this, generation, program, request](const JobPost& post, const std::stop_token& stop) {
            auto outcome = runLayout(program, request, stop);
            if (!outcome) {
                return;
            }
            post([this, generation, outcome = std::move(*outcome)] {
                if (outcome.layout) {
                    emit layoutReady(generation, *outcome.layout);
                } else {
                    emit layoutFailed(generation, outcome.failure);
                }
            });
        });
    return generation;
}

} // namespace fanout::ui

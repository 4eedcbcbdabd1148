// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_layouter.h"

#include <QStandardPaths>
#include <QTimer>

namespace fanout::ui {

GraphLayouter::GraphLayouter(QObject* parent) : QObject(parent) {}

GraphLayouter::~GraphLayouter() {
    stopRunning();
}

QString GraphLayouter::dotProgram() {
    return QStandardPaths::findExecutable(QStringLiteral("dot"));
}

void GraphLayouter::stopRunning() {
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        m_process->deleteLater();
        m_process.clear();
    }
}

quint64 GraphLayouter::request(const LayoutRequest& request) {
    stopRunning();
    const auto generation = ++m_generation;
    const auto program = dotProgram();
    if (program.isEmpty()) {
        QTimer::singleShot(0, this, [this, generation] {
            emit layoutFailed(generation,
                              tr("Graphviz's dot was not found. Install it (Debian/Ubuntu: "
                                 "sudo apt install graphviz) to see the graph."));
        });
        return generation;
    }
    auto* process = new QProcess(this);
    m_process = process;
    connect(process, &QProcess::errorOccurred, this, [this, process, generation](auto) {
        if (process == m_process) {
            emit layoutFailed(generation, tr("dot failed: %1").arg(process->errorString()));
            m_process.clear();
            process->deleteLater();
        }
    });
    connect(process, &QProcess::finished, this,
            [this, process, generation, request](int exitCode, QProcess::ExitStatus status) {
                if (process != m_process) {
                    return;
                }
                m_process.clear();
                process->deleteLater();
                const auto output = process->readAllStandardOutput().toStdString();
                if (status != QProcess::NormalExit || exitCode != 0) {
                    emit layoutFailed(generation,
                                      tr("Graphviz exited with %1: %2")
                                          .arg(exitCode)
                                          .arg(QString::fromLocal8Bit(
                                              process->readAllStandardError().trimmed())));
                    return;
                }
                std::string error;
                const auto layout = parsePlainLayout(output, request, error);
                if (!layout) {
                    emit layoutFailed(generation, QString::fromStdString(error));
                    return;
                }
                emit layoutReady(generation, *layout);
            });
    QStringList arguments;
    for (const auto& argument : layoutArguments(request)) {
        arguments << QString::fromStdString(argument);
    }
    process->start(program, arguments);
    process->write(QByteArray::fromStdString(layoutDot(request)));
    process->closeWriteChannel();
    return generation;
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph_panel.h"
#include "main_window.h"
#include "memory_plot.h"

#include "fanout/io/atomic_file.h"
#include "fanout/output/graph_export.h"
#include "fanout/output/scan_json.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace fanout::ui {
void MainWindow::buildExportMenu(QMenu* menu) {
    for (const auto& kind : exports()) {
        if (kind.kind == Export::GraphPng) {
            menu->addSeparator();
        }
        menu->addAction(tr(kind.title), this, [this, what = kind.kind] { exportFile(what); });
    }
}

void MainWindow::exportFile(Export what) {
    const auto& kind = info(what);
    // Outputs go where the user points, never into the scanned project unless chosen there.
    const auto file = what == Export::Csv
                          ? QFileDialog::getExistingDirectory(this, tr("Folder for the CSV files"))
                          : QFileDialog::getSaveFileName(
                                this, tr(kind.title),
                                QDir::home().filePath(QString::fromLatin1(kind.defaultName)),
                                QString::fromLatin1(kind.filter));
    if (file.isEmpty()) {
        return;
    }
    exportInBackground(what, file);
}

void MainWindow::exportInBackground(Export what, const QString& file) {
    auto job = scanExport(what, file);
    if (!job) {
        reportExport(file, exportTo(what, file)); // drawn from a widget: here and now
        return;
    }
    statusBar()->showMessage(tr("Saving %1…").arg(file));
    m_exports.start([this, job = std::move(job), file] {
        const auto error = job();
        QMetaObject::invokeMethod(
            this, [this, file, error] { reportExport(file, error); }, Qt::QueuedConnection);
    });
}

void MainWindow::reportExport(const QString& file, const QString& error) {
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
    } else {
        statusBar()->clearMessage();
        // Not exec(): the window goes on (and a second export may be finishing meanwhile).
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), error,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit exportFinished(file, error);
}

QString MainWindow::exportTo(Export what, const QString& file) {
    if (const auto job = scanExport(what, file)) {
        return job();
    }
    switch (what) {
    case Export::GraphPng:
    case Export::GraphSvg:
        return m_graph->saveImage(file);
    case Export::MemoryPng:
        return m_memoryPlot->savePng(file);
    case Export::MemoryCsv:
        return m_memoryPlot->saveCsv(file);
    default:
        return tr("unknown export");
    }
}

std::function<QString()> MainWindow::scanExport(Export what, const QString& file) const {
    // The scan's own exports: `write(path, session)` returns what went wrong, or "".
    const auto fromScan = [session = m_controller.session(),
                           path = file.toStdString()](auto write) -> std::function<QString()> {
        return [session, path, write] {
            return session ? QString::fromStdString(write(path, *session))
                           : tr("there is no scan to export yet");
        };
    };
    const auto streamed = [&](auto writeTo) {
        return fromScan([writeTo](const std::string& path, const ScanSession& session) {
            return writeFileAtomically(path, [&](std::ostream& out) {
                writeTo(out, session);
                return static_cast<bool>(out);
            });
        });
    };
    switch (what) {
    case Export::Directives:
        return fromScan([](const std::string& path, const ScanSession& session) {
            return writeFileAtomically(path, directivesToJson(*session.result));
        });
    case Export::Json:
        return streamed([](std::ostream& out, const ScanSession& session) {
            JsonOptions options;
            options.analysis = &session.analysis;
            options.barrelImports = &session.barrelImports;
            options.threads = session.result->stats.threads;
            writeScanJson(out, *session.result, options);
        });
    case Export::DotPackages:
    case Export::DotModules: {
        const auto level = what == Export::DotPackages ? DotLevel::Package : DotLevel::Module;
        return streamed([level](std::ostream& out, const ScanSession& session) {
            writeDot(out, *session.result, session.analysis, level);
        });
    }
    case Export::Csv:
        return fromScan([](const std::string& path, const ScanSession& session) {
            return writeCsv(path, *session.result, session.analysis, session.barrelImports);
        });
    default:
        return {};
    }
}

} // namespace fanout::ui

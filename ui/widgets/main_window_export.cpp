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
    const auto error = exportTo(what, file);
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
    } else {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
}

QString MainWindow::exportTo(Export what, const QString& file) {
    const auto path = file.toStdString();
    const auto session = m_controller.session();
    // The scan's own exports: `write(result, analysis)` returns what went wrong, or "".
    const auto fromScan = [&](auto write) {
        if (!session) {
            return tr("there is no scan to export yet");
        }
        return QString::fromStdString(write(*session->result, session->analysis));
    };
    const auto streamed = [&](auto writeTo) {
        return fromScan([&](const ScanResult& result, const Analysis& analysis) {
            return writeFileAtomically(path, [&](std::ostream& out) {
                writeTo(out, result, analysis);
                return static_cast<bool>(out);
            });
        });
    };
    switch (what) {
    case Export::GraphPng:
    case Export::GraphSvg:
        return m_graph->saveImage(file);
    case Export::MemoryPng:
        return m_memoryPlot->savePng(file);
    case Export::MemoryCsv:
        return m_memoryPlot->saveCsv(file);
    case Export::Directives:
        return fromScan([&](const ScanResult& result, const Analysis&) {
            return writeFileAtomically(path, directivesToJson(result));
        });
    case Export::Json:
        return streamed([&](std::ostream& out, const ScanResult& result, const Analysis& analysis) {
            JsonOptions options;
            options.analysis = &analysis;
            options.barrelImports = &session->barrelImports;
            writeScanJson(out, result, options);
        });
    case Export::DotPackages:
    case Export::DotModules: {
        const auto level = what == Export::DotPackages ? DotLevel::Package : DotLevel::Module;
        return streamed(
            [level](std::ostream& out, const ScanResult& result, const Analysis& analysis) {
                writeDot(out, result, analysis, level);
            });
    }
    case Export::Csv:
        return fromScan([&](const ScanResult& result, const Analysis& analysis) {
            return writeCsv(path, result, analysis, session->barrelImports);
        });
    }
    return tr("unknown export");
}

} // namespace fanout::ui

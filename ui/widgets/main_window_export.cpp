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
    switch (what) {
    case Export::GraphPng:
    case Export::GraphSvg:
        return m_graph->saveImage(file);
    case Export::MemoryPng:
        return m_memoryPlot->savePng(file);
    case Export::MemoryCsv:
        return m_memoryPlot->saveCsv(file);
    default:
        break;
    }
    const auto session = m_controller.session();
    if (!session) {
        return tr("there is no scan to export yet");
    }
    const auto& result = *session->result;
    const auto dot = [&](DotLevel level) {
        return writeFileAtomically(path, [&](std::ostream& out) {
            writeDot(out, result, session->analysis, level);
            return static_cast<bool>(out);
        });
    };
    std::string error;
    switch (what) {
    case Export::Directives:
        error = writeFileAtomically(path, directivesToJson(result));
        break;
    case Export::Json: {
        JsonOptions options;
        options.analysis = &session->analysis;
        error = writeFileAtomically(path, [&](std::ostream& out) {
            writeScanJson(out, result, options);
            return static_cast<bool>(out);
        });
        break;
    }
    case Export::DotPackages:
        error = dot(DotLevel::Package);
        break;
    case Export::DotModules:
        error = dot(DotLevel::Module);
        break;
    case Export::Csv:
        error = writeCsv(path, result, session->analysis);
        break;
    default:
        break;
    }
    return QString::fromStdString(error);
}

} // namespace fanout::ui

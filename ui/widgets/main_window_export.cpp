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
namespace {

struct ExportKind {
    const char* key;
    const char* title;
    const char* filter;
    const char* defaultName;
};

constexpr ExportKind kExports[] = {
    {"directives", "Directive map (JSON)…", "JSON (*.json)", "directives.json"},
    {"json", "Full scan (JSON)…", "JSON (*.json)", "fanout-scan.json"},
    {"dot-packages", "Package graph (DOT)…", "Graphviz (*.dot *.gv)", "packages.dot"},
    {"dot-modules", "Module graph (DOT)…", "Graphviz (*.dot *.gv)", "modules.dot"},
    {"csv", "Tables (CSV folder)…", "", ""},
    {"graph-png", "Current graph (PNG)…", "PNG (*.png)", "graph.png"},
    {"graph-svg", "Current graph (SVG)…", "SVG (*.svg)", "graph.svg"},
    {"memory-png", "Memory plot (PNG)…", "PNG (*.png)", "memory.png"},
    {"memory-csv", "Memory samples (CSV)…", "CSV (*.csv)", "memory.csv"},
};

} // namespace

void MainWindow::buildExportMenu(QMenu* menu) {
    for (const auto& kind : kExports) {
        if (QString::fromLatin1(kind.key) == QStringLiteral("graph-png")) {
            menu->addSeparator();
        }
        const QString key = QString::fromLatin1(kind.key);
        menu->addAction(tr(kind.title), this, [this, key] { exportFile(key); });
    }
}

void MainWindow::exportFile(const QString& what) {
    const auto* kind = std::find_if(std::begin(kExports), std::end(kExports),
                                    [&](auto& k) { return what == QString::fromLatin1(k.key); });
    // Outputs go where the user points, never into the scanned project unless chosen there.
    const auto file = what == QStringLiteral("csv")
                          ? QFileDialog::getExistingDirectory(this, tr("Folder for the CSV files"))
                          : QFileDialog::getSaveFileName(
                                this, tr(kind->title),
                                QDir::home().filePath(QString::fromLatin1(kind->defaultName)),
                                QString::fromLatin1(kind->filter));
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

QString MainWindow::exportTo(const QString& what, const QString& file) {
    const auto path = file.toStdString();
    if (what == QStringLiteral("graph-png") || what == QStringLiteral("graph-svg")) {
        return m_graph->saveImage(file);
    }
    if (what == QStringLiteral("memory-png")) {
        return m_memoryPlot->savePng(file);
    }
    if (what == QStringLiteral("memory-csv")) {
        return m_memoryPlot->saveCsv(file);
    }
    const auto session = m_controller.session();
    if (!session) {
        return tr("there is no scan to export yet");
    }
    const auto& result = *session->result;
    std::string error;
    if (what == QStringLiteral("directives")) {
        error = writeFileAtomically(path, directivesToJson(result));
    } else if (what == QStringLiteral("json")) {
        JsonOptions options;
        options.analysis = &session->analysis;
        error = writeFileAtomically(path, [&](std::ostream& out) {
            writeScanJson(out, result, options);
            return static_cast<bool>(out);
        });
    } else if (what == QStringLiteral("dot-packages") || what == QStringLiteral("dot-modules")) {
        const auto level =
            what == QStringLiteral("dot-packages") ? DotLevel::Package : DotLevel::Module;
        error = writeFileAtomically(path, [&](std::ostream& out) {
            writeDot(out, result, session->analysis, level);
            return static_cast<bool>(out);
        });
    } else if (what == QStringLiteral("csv")) {
        error = writeCsv(path, result, session->analysis);
    } else {
        return tr("unknown export %1").arg(what);
    }
    return QString::fromStdString(error);
}

} // namespace fanout::ui

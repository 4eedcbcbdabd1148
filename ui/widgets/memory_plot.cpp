// SPDX-License-Identifier: GPL-3.0-or-later
#include "memory_plot.h"

#include "plot_items.h"

#include "fanout/io/atomic_file.h"

#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace fanout::ui {

MemoryPlot::MemoryPlot(const MemorySeries& series, QWidget* parent)
    : LivePlot(200, parent), m_series(series), m_summary(new QLabel(this)) {
    auto* chart = plot();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(chart, 1);
    m_summary->setText(tr("Resident memory of Fanout while it scans."));
    chart->addGraph();
    // A plain line: a filled area costs far more per replot at many points.
    chart->graph(0)->setPen(QPen(QColor(0x2b, 0x6c, 0xb0), 1.6));
    chart->graph(0)->setName(tr("resident memory"));
    chart->xAxis->setLabel(tr("seconds since the scan started"));
    chart->yAxis->setLabel(tr("resident memory (MB)"));
}

int MemoryPlot::plottedSamples() const {
    return plot()->graph(0)->dataCount();
}

void MemoryPlot::fill() {
    auto* chart = plot();
    const auto& seconds = m_series.seconds();
    const auto& megabytes = m_series.megabytes();
    chart->graph(0)->setData(QVector<double>(seconds.begin(), seconds.end()),
                             QVector<double>(megabytes.begin(), megabytes.end()), true);
    const double top = std::max(1.0, m_series.peakMegabytes() * 1.25);
    const double end = seconds.empty() ? 1.0 : std::max(seconds.back(), 0.1);
    chart->xAxis->setRange(0, end * 1.02);
    chart->yAxis->setRange(0, top);
    std::vector<std::pair<double, QString>> phases;
    for (const auto& phase : m_series.phases()) {
        phases.emplace_back(phase.seconds, phase.name);
    }
    drawPhaseMarkers(*chart, phases);
    if (!m_series.empty()) {
        auto* tracer = new QCPItemTracer(chart);
        tracer->setGraph(chart->graph(0));
        tracer->setGraphKey(m_series.peakSeconds());
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(7);
        tracer->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2));
        auto* peak = new QCPItemText(chart);
        peak->position->setCoords(m_series.peakSeconds(), m_series.peakMegabytes());
        peak->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        peak->setPadding(QMargins(2, 2, 2, 8));
        peak->setText(tr("peak %1 MB").arg(m_series.peakMegabytes(), 0, 'f', 1));
        peak->setColor(QColor(0xc0, 0x39, 0x2b));
        m_summary->setText(tr("Peak resident memory %1 MB at %2 s · %3 samples")
                               .arg(m_series.peakMegabytes(), 0, 'f', 1)
                               .arg(m_series.peakSeconds(), 0, 'f', 2)
                               .arg(seconds.size()));
    }
}

QString MemoryPlot::saveCsv(const QString& file) {
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), m_series.toCsv().toStdString()));
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "memory_plot.h"

#include "plot_items.h"

#include "fanout/io/atomic_file.h"

#include <QFontMetrics>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

namespace fanout::ui {

MemoryPlot::MemoryPlot(const MemorySeries& series, const MemorySeries* previous, QWidget* parent)
    : LivePlot(200, parent), m_series(series), m_previous(previous), m_summary(new QLabel(this)) {
    auto* chart = plot();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(chart, 1);
    // Wrapped: the summary grows with the overlay's figures, and unwrapped it widened the whole
    // view column (the window's splitter gave every panel a new width, and repainted it all).
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Resident memory of Fanout while it scans."));
    chart->addGraph();
    // A plain line: a filled area costs far more per replot at many points.
    chart->graph(0)->setPen(QPen(QColor(0x2b, 0x6c, 0xb0), 1.6));
    chart->graph(0)->setName(tr("resident memory"));
    chart->addGraph(); // the previous scan, under the current one
    chart->graph(1)->setPen(QPen(QColor(0x80, 0x80, 0x80), 1.2, Qt::DashLine));
    chart->graph(1)->setName(tr("previous scan"));
    chart->graph(1)->setLayer(QStringLiteral("grid")); // under the main layer's line
    chart->xAxis->setLabel(tr("seconds since the scan started"));
    chart->yAxis->setLabel(tr("resident memory (MB)"));
}

int MemoryPlot::plottedSamples() const {
    return plot()->graph(0)->dataCount();
}

int MemoryPlot::overlaidSamples() const {
    return plot()->graph(1)->dataCount();
}

QRectF MemoryPlot::peakLabelBounds() const {
    if (m_peakLabel == nullptr) {
        return {};
    }
    return {m_peakLabel->topLeft->pixelPosition(), m_peakLabel->bottomRight->pixelPosition()};
}

QRect MemoryPlot::plotAreaBounds() const {
    return plotArea(*plot());
}

QString MemoryPlot::summaryText() const {
    return m_summary->text();
}

void MemoryPlot::fill() {
    auto* chart = plot();
    const auto& seconds = m_series.seconds();
    const auto& megabytes = m_series.megabytes();
    chart->graph(0)->setData(QVector<double>(seconds.begin(), seconds.end()),
                             QVector<double>(megabytes.begin(), megabytes.end()), true);
    const bool overlaid = m_previous != nullptr && !m_previous->empty();
    const auto& previousSeconds = overlaid ? m_previous->seconds() : std::vector<double>();
    const auto& previousMegabytes = overlaid ? m_previous->megabytes() : std::vector<double>();
    chart->graph(1)->setData(QVector<double>(previousSeconds.begin(), previousSeconds.end()),
                             QVector<double>(previousMegabytes.begin(), previousMegabytes.end()),
                             true);
    const double peaks =
        std::max(m_series.peakMegabytes(), overlaid ? m_previous->peakMegabytes() : 0.0);
    const double top = std::max(1.0, peaks * 1.25);
    double end = seconds.empty() ? 1.0 : std::max(seconds.back(), 0.1);
    if (overlaid) {
        end = std::max(end, previousSeconds.back()); // a scan in progress runs against the last
    }
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
        m_peakLabel = peak;
        peak->position->setCoords(m_series.peakSeconds(), m_series.peakMegabytes());
        peak->setPadding(QMargins(2, 2, 2, 8));
        peak->setText(tr("peak %1 MB").arg(m_series.peakMegabytes(), 0, 'f', 1));
        peak->setColor(QColor(0xc0, 0x39, 0x2b));
        // Centred over the peak, unless that cuts it at an edge of the plot (a peak at the last
        // sample, as when a scan ends at its highest): then it ends, or starts, at the peak.
        const QRect area = plotArea(*chart);
        const double width = QFontMetrics(peak->font()).horizontalAdvance(peak->text()) + 2 + 2;
        peak->setPositionAlignment(alignWithin(pixelOfKey(*chart, area, m_series.peakSeconds()),
                                               width, area.left(), area.right()) |
                                   Qt::AlignBottom);
        auto summary = tr("Peak resident memory %1 MB at %2 s · %3 samples")
                           .arg(m_series.peakMegabytes(), 0, 'f', 1)
                           .arg(m_series.peakSeconds(), 0, 'f', 2)
                           .arg(seconds.size());
        if (overlaid) {
            const double delta = m_series.peakMegabytes() - m_previous->peakMegabytes();
            summary += tr(" · previous scan (dashed): peak %1 MB, %2 s (%3%4 MB)")
                           .arg(m_previous->peakMegabytes(), 0, 'f', 1)
                           .arg(previousSeconds.back(), 0, 'f', 2)
                           .arg(delta < 0 ? QStringLiteral("\u2212") : QStringLiteral("+"))
                           .arg(std::abs(delta), 0, 'f', 1);
        }
        m_summary->setText(summary);
    }
}

QString MemoryPlot::saveCsv(const QString& file) {
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), m_series.toCsv().toStdString()));
}

} // namespace fanout::ui

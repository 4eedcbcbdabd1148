// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile_plot.h"

#include "plot_items.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace fanout::ui {
namespace {

const QColor kStackColors[] = {QColor(0xd9, 0x45, 0x3b), QColor(0xe8, 0x80, 0x3a),
                               QColor(0xe9, 0xb9, 0x49), QColor(0x6f, 0xbf, 0x73),
                               QColor(0x3f, 0xa7, 0xa0), QColor(0x4a, 0x78, 0xc2)};

QVector<double> vectorOf(const std::vector<double>& values) {
    return {values.begin(), values.end()};
}

} // namespace

ProfilePlot::ProfilePlot(const ProfileSeries& series, QWidget* parent)
    : LivePlot(250, parent), m_series(series) {
    auto* chart = plot();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(chart);
    chart->xAxis->setLabel(tr("seconds since the command started"));
    chart->yAxis->setLabel(tr("resident memory (MB)"));
    chart->yAxis2->setVisible(true);
    chart->yAxis2->setLabel(tr("system memory available (MB)"));
    chart->legend->setVisible(true);
    chart->legend->setFont(QFont(font().family(), 8));
    // Top left: memory usually grows during a build, so the late, high part stays in sight.
    chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

int ProfilePlot::graphCount() const {
    return plot()->graphCount();
}

int ProfilePlot::plottedSamples() const {
    return plot()->graphCount() == 0 ? 0 : plot()->graph(0)->dataCount();
}

void ProfilePlot::fill() {
    auto* chart = plot();
    chart->clearGraphs();
    const auto seconds = vectorOf(m_series.seconds);
    // Stacked from the bottom: each graph holds the running sum and fills down to the one below.
    const auto largest = m_series.largest(kStacked);
    std::vector<double> sum(m_series.seconds.size(), 0.0);
    QCPGraph* below = nullptr;
    const auto addLayer = [&](const QString& name, const QColor& color) {
        auto* graph = chart->addGraph();
        graph->setName(name);
        graph->setPen(QPen(color.darker(120), 1));
        QColor fill = color;
        fill.setAlpha(150);
        graph->setBrush(fill);
        graph->setChannelFillGraph(below);
        graph->setData(seconds, vectorOf(sum), true);
        below = graph;
    };
    for (std::size_t i = 0; i < largest.size(); ++i) {
        const auto& process = m_series.processes.at(largest[i]);
        for (std::size_t s = 0; s < sum.size(); ++s) {
            sum[s] += process.megabytes[s];
        }
        addLayer(QStringLiteral("%1 %2").arg(largest[i]).arg(process.name), kStackColors[i]);
    }
    if (m_series.processes.size() > largest.size()) {
        sum = m_series.treeMegabytes;
        addLayer(tr("%1 other processes").arg(m_series.processes.size() - largest.size()),
                 QColor(0xb0, 0xb0, 0xb0));
    }
    auto* tree = chart->addGraph();
    tree->setName(tr("whole tree"));
    tree->setPen(QPen(Qt::black, 1.6));
    tree->setData(seconds, vectorOf(m_series.treeMegabytes), true);
    auto* available = chart->addGraph(chart->xAxis, chart->yAxis2);
    available->setName(tr("system available"));
    available->setPen(QPen(QColor(0x2b, 0x6c, 0xb0), 1.2, Qt::DashLine));
    available->setData(seconds, vectorOf(m_series.availableMegabytes), true);

    const double end = m_series.seconds.empty() ? 1.0 : std::max(m_series.seconds.back(), 0.1);
    chart->xAxis->setRange(0, end * 1.02);
    double top = 1;
    for (const double value : m_series.treeMegabytes) {
        top = std::max(top, value);
    }
    chart->yAxis->setRange(0, top * 1.25);
    double most = 1;
    for (const double value : m_series.availableMegabytes) {
        most = std::max(most, value);
    }
    chart->yAxis2->setRange(0, most * 1.1);
    drawPhaseMarkers(*chart, m_series.phases);
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "live_plot.h"

#include "plot_items.h"

#include <qcustomplot.h>

namespace fanout::ui {

LivePlot::LivePlot(int replotMs, QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    // Never squeezed to nothing by a splitter: QCustomPlot cannot paint into an empty buffer.
    m_plot->setMinimumSize(240, 160);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_replotTimer.setInterval(replotMs);
    connect(&m_replotTimer, &QTimer::timeout, this, [this] {
        if (m_dirty) {
            refresh();
        }
    });
}

void LivePlot::setRunning(bool running) {
    running ? m_replotTimer.start() : m_replotTimer.stop();
    refresh();
}

void LivePlot::refresh() {
    m_dirty = false;
    m_plot->clearItems();
    fill();
    if (isVisible() && m_plot->width() > 0 && m_plot->height() > 0) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void LivePlot::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void LivePlot::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    refresh();
}

QString LivePlot::savePng(const QString& file) {
    refresh();
    return savePlotPng(*m_plot, file);
}

} // namespace fanout::ui

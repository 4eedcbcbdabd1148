// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot_items.h"

#include "fanout/io/atomic_file.h"

#include <QBuffer>
#include <QFontMetrics>

#include <algorithm>

#include <qcustomplot.h>

namespace fanout::ui {

std::vector<int> labelRows(const std::vector<std::pair<double, double>>& spans, double gap) {
    std::vector<double> rowEnds; // the right edge of the last label in each row
    std::vector<int> rows;
    rows.reserve(spans.size());
    for (const auto& [left, right] : spans) {
        std::size_t row = 0;
        while (row < rowEnds.size() && rowEnds[row] + gap > left) {
            ++row;
        }
        if (row == rowEnds.size()) {
            rowEnds.push_back(right);
        } else {
            rowEnds[row] = right;
        }
        rows.push_back(static_cast<int>(row));
    }
    return rows;
}

QRect plotArea(const QCustomPlot& plot) {
    return plot.axisRect()->rect().isEmpty() ? plot.rect() : plot.axisRect()->rect();
}

double pixelOfKey(const QCustomPlot& plot, const QRect& area, double key) {
    const auto range = plot.xAxis->range();
    return range.size() > 0 ? area.left() + (key - range.lower) / range.size() * area.width()
                            : area.left();
}

Qt::Alignment alignWithin(double x, double width, double left, double right) {
    if (x + width / 2 > right) {
        return Qt::AlignRight;
    }
    if (x - width / 2 < left) {
        return Qt::AlignLeft;
    }
    return Qt::AlignHCenter;
}

void drawPhaseMarkers(QCustomPlot& plot, const std::vector<std::pair<double, QString>>& phases) {
    const QMargins padding(3, 2, 3, 2);
    const QFontMetrics metrics(plot.font());
    const QRect area = plotArea(plot);
    std::vector<std::pair<double, double>> spans;
    std::vector<bool> leftOfLine; // a name that would run past the right edge ends at its line
    for (const auto& [seconds, name] : phases) {
        const double x = pixelOfKey(plot, area, seconds);
        const double width = metrics.horizontalAdvance(name) + padding.left() + padding.right();
        leftOfLine.push_back(x + width > area.right());
        spans.emplace_back(leftOfLine.back() ? x - width : x, leftOfLine.back() ? x : x + width);
    }
    const auto rows = labelRows(spans, 4);
    const double rowHeight = metrics.height() + padding.top() + padding.bottom();
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const auto& [seconds, name] = phases[i];
        auto* line = new QCPItemStraightLine(&plot);
        line->point1->setCoords(seconds, 0);
        line->point2->setCoords(seconds, 1);
        line->setPen(QPen(QColor(0x88, 0x88, 0x88), 1, Qt::DashLine));
        auto* label = new QCPItemText(&plot);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(seconds, (2 + rows[i] * rowHeight) / std::max(area.height(), 1));
        label->setPositionAlignment((leftOfLine[i] ? Qt::AlignRight : Qt::AlignLeft) |
                                    Qt::AlignTop);
        label->setFont(plot.font());
        label->setText(name);
        label->setColor(QColor(0x55, 0x55, 0x55));
        label->setPadding(padding);
    }
}

QString savePlotPng(QCustomPlot& plot, const QString& file) {
    plot.replot();
    const auto pixmap = plot.toPixmap(std::max(plot.width(), 800), std::max(plot.height(), 450));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!pixmap.save(&buffer, "PNG")) {
        return QObject::tr("could not render the plot");
    }
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), std::string_view(bytes.data(), bytes.size())));
}

} // namespace fanout::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "plot_items.h"

#include "fanout/io/atomic_file.h"

#include <QBuffer>

#include <qcustomplot.h>

namespace fanout::ui {

void drawPhaseMarkers(QCustomPlot& plot, const std::vector<std::pair<double, QString>>& phases) {
    int stagger = 0;
    for (const auto& [seconds, name] : phases) {
        auto* line = new QCPItemStraightLine(&plot);
        line->point1->setCoords(seconds, 0);
        line->point2->setCoords(seconds, 1);
        line->setPen(QPen(QColor(0x88, 0x88, 0x88), 1, Qt::DashLine));
        auto* label = new QCPItemText(&plot);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(seconds, 0.02 + 0.05 * (stagger++ % 5));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(name);
        label->setColor(QColor(0x55, 0x55, 0x55));
        label->setPadding(QMargins(3, 2, 3, 2));
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QString>
#include <Qt>

#include <utility>
#include <vector>

class QCustomPlot;

namespace fanout::ui {

// Dashed vertical lines with their names at the given seconds (in order); a name that would run
// into an earlier one goes a row lower, so phases milliseconds apart stay legible.
void drawPhaseMarkers(QCustomPlot& plot, const std::vector<std::pair<double, QString>>& phases);

// For labels spanning [left, right] pixels (in order of left), the row of each, 0 at the top:
// the first row whose last label ends at least `gap` before it.
std::vector<int> labelRows(const std::vector<std::pair<double, double>>& spans, double gap);

// The pixels the axes span; before the plot's first layout (empty), the widget's: near enough.
QRect plotArea(const QCustomPlot& plot);
// The pixel column of `key` on the x axis, within `area`.
double pixelOfKey(const QCustomPlot& plot, const QRect& area, double key);

// The horizontal alignment that keeps a label `width` pixels wide, over a point at `x`, inside
// [left, right]: centred on the point when it fits, else flush with the point on the side that
// keeps it in (its right end at the point near the right edge, its left end near the left).
Qt::Alignment alignWithin(double x, double width, double left, double right);

// The plot as a PNG file, written atomically; empty, or what went wrong.
QString savePlotPng(QCustomPlot& plot, const QString& file);

} // namespace fanout::ui

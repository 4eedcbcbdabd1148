// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

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

// The plot as a PNG file, written atomically; empty, or what went wrong.
QString savePlotPng(QCustomPlot& plot, const QString& file);

} // namespace fanout::ui

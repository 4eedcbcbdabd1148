// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <vector>

class QCustomPlot;

namespace fanout::ui {

// Dashed vertical lines with their names at the given seconds; names are staggered so that
// phases milliseconds apart stay legible.
void drawPhaseMarkers(QCustomPlot& plot, const std::vector<std::pair<double, QString>>& phases);

// The plot as a PNG file, written atomically; empty, or what went wrong.
QString savePlotPng(QCustomPlot& plot, const QString& file);

} // namespace fanout::ui

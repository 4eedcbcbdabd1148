// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live_plot.h"
#include "memory_series.h"

class QLabel;

namespace fanout::ui {

// Resident memory over the scan, with the phases marked and the peak annotated.
class MemoryPlot : public LivePlot {
    Q_OBJECT
public:
    explicit MemoryPlot(const MemorySeries& series, QWidget* parent = nullptr);

    int plottedSamples() const;
    QString saveCsv(const QString& file);

protected:
    void fill() override;

private:
    const MemorySeries& m_series;
    QLabel* m_summary;
};

} // namespace fanout::ui

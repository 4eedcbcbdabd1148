// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live_plot.h"
#include "memory_series.h"

#include <QPointer>
#include <QRect>

class QLabel;
class QCPItemText;

namespace fanout::ui {

// Resident memory over the scan, with the phases marked and the peak annotated; the previous
// scan's memory of the same project drawn under it, grey and dashed.
class MemoryPlot : public LivePlot {
    Q_OBJECT
public:
    // `previous`, when not empty, is drawn under `series` as the run to compare with.
    explicit MemoryPlot(const MemorySeries& series, const MemorySeries* previous = nullptr,
                        QWidget* parent = nullptr);

    int plottedSamples() const;
    int overlaidSamples() const; // of the previous scan
    QString summaryText() const;
    // Where the peak's label was last drawn, and the area the axes span (pixels); empty before.
    QRectF peakLabelBounds() const;
    QRect plotAreaBounds() const;
    QString saveCsv(const QString& file);

protected:
    void fill() override;

private:
    const MemorySeries& m_series;
    const MemorySeries* m_previous;
    QLabel* m_summary;
    QPointer<QCPItemText> m_peakLabel; // deleted with the plot's items at each refresh
};

} // namespace fanout::ui
